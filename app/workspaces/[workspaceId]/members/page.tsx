import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { requireWorkspacePage } from "@/lib/auth/page-access";
import { roleAllows } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listPendingInvitations } from "@/lib/workspaces/manage-invitations";
import { listMembers } from "@/lib/workspaces/membership-repository";
import { removeMemberAction, revokeInvitationAction } from "./actions";
import { InviteForm } from "./invite-form";

export const metadata = { title: "Members" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor, role } = await requireWorkspacePage(workspaceId);
  const db = await getDb();
  const members = await listMembers(db, workspaceId);
  const isOwner = roleAllows(role, "own");
  const invitations = isOwner ? await listPendingInvitations(db, actor, workspaceId) : [];
  return (
    <section aria-labelledby="members-heading" className="space-y-6">
      <h1 id="members-heading" className="text-2xl font-semibold">
        Members
      </h1>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {members.map((m) => (
          <li key={m.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
            <span>
              {m.user.name ? `${m.user.name} · ` : ""}
              {m.user.email}
            </span>
            <span className="ml-auto rounded bg-slate-100 px-2 py-0.5 text-xs">{m.role}</span>
            {isOwner && m.user.id !== actor.userId ? (
              <ConfirmActionButton label="Remove" srLabel={m.user.email} title={`Remove ${m.user.email}?`} confirmLabel="Remove member" pendingText="Removing…" action={removeMemberAction.bind(null, workspaceId, m.id)}>
                <p>They lose access to this workspace at once. Their API tokens for it stop working too.</p>
              </ConfirmActionButton>
            ) : null}
          </li>
        ))}
      </ul>
      {isOwner ? (
        <>
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-medium">Invite someone</h2>
            <InviteForm workspaceId={workspaceId} />
          </div>
          <div aria-labelledby="invitations-heading" className="space-y-2">
            <h2 id="invitations-heading" className="font-medium">
              Pending invitations
            </h2>
            {invitations.length === 0 ? (
              <p className="text-sm text-slate-600">None.</p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                    <span>{invitation.email}</span>
                    <span className="ml-auto text-xs text-slate-600">
                      {invitation.role} · expires {dateFormat.format(invitation.expiresAt)}
                    </span>
                    <ConfirmActionButton label="Revoke" srLabel={`invitation of ${invitation.email}`} title={`Revoke the invitation of ${invitation.email}?`} confirmLabel="Revoke invitation" pendingText="Revoking…" action={revokeInvitationAction.bind(null, workspaceId, invitation.id)}>
                      <p>They will no longer be able to accept it.</p>
                    </ConfirmActionButton>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      ) : (
        <p className="text-sm text-slate-600">Only owners can invite and remove members.</p>
      )}
    </section>
  );
}
