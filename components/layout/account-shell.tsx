import { getDb } from "@/lib/db/client";
import { countMyInvitations } from "@/lib/workspaces/manage-invitations";
import { listWorkspacesForUser } from "@/lib/workspaces/membership-repository";
import { AppHeader } from "./app-header";

/** The frame of signed-in pages that belong to no workspace (account settings, invitations). */
export async function AccountShell({ userId, email, children }: { userId: string; email: string; children: React.ReactNode }) {
  const db = await getDb();
  const [memberships, invitations] = await Promise.all([listWorkspacesForUser(db, userId), countMyInvitations(db, { userId })]);
  return (
    <>
      <AppHeader current={null} workspaces={memberships.map((m) => m.workspace)} email={email} invitations={invitations} />
      <main className="mx-auto max-w-3xl px-4 py-8">{children}</main>
    </>
  );
}
