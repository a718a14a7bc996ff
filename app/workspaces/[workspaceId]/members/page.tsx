import { requireWorkspacePage } from "@/lib/auth/page-access";
import { roleAllows } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listMembers } from "@/lib/workspaces/membership-repository";
import { InviteForm } from "./invite-form";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { role } = await requireWorkspacePage(workspaceId);
  const members = await listMembers(await getDb(), workspaceId);
  return (
    <section aria-labelledby="members-heading" className="space-y-6">
      <h1 id="members-heading" className="text-2xl font-semibold">
        Members
      </h1>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {members.map((m) => (
          <li key={m.id} className="flex items-center justify-between px-4 py-3 text-sm">
            <span>
              {m.user.name ? `${m.user.name} · ` : ""}
              {m.user.email}
            </span>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{m.role}</span>
          </li>
        ))}
      </ul>
      {roleAllows(role, "own") ? (
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-medium">Add a member</h2>
          <InviteForm workspaceId={workspaceId} />
        </div>
      ) : (
        <p className="text-sm text-slate-600">Only owners can add members.</p>
      )}
    </section>
  );
}
