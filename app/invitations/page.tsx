import { AccountShell } from "@/components/layout/account-shell";
import { requireSignedInPage } from "@/lib/auth/page-access";
import { getDb } from "@/lib/db/client";
import { listMyInvitations } from "@/lib/workspaces/manage-invitations";
import { acceptInvitationAction, declineInvitationAction } from "./actions";
import { AnswerButtons } from "./answer-buttons";

export const metadata = { title: "Invitations" };

export default async function InvitationsPage() {
  const actor = await requireSignedInPage("/invitations");
  const invitations = await listMyInvitations(await getDb(), actor);
  return (
    <AccountShell userId={actor.userId} email={actor.email}>
      <section aria-labelledby="invitations-heading" className="space-y-6">
        <div>
          <h1 id="invitations-heading" className="text-2xl font-semibold">
            Invitations
          </h1>
          <p className="mt-1 text-sm text-slate-600">Workspaces that invited {actor.email}. You join one only if you accept.</p>
        </div>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600">No pending invitations.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium">{invitation.workspace.name}</span> invites you as <span className="font-medium">{invitation.role}</span>
                </span>
                <AnswerButtons
                  workspaceName={invitation.workspace.name}
                  accept={acceptInvitationAction.bind(null, invitation.id)}
                  decline={declineInvitationAction.bind(null, invitation.id)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </AccountShell>
  );
}
