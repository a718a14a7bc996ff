import { AppHeader } from "@/components/layout/app-header";
import { requireWorkspacePage } from "@/lib/auth/page-access";
import { getDb } from "@/lib/db/client";
import { countMyInvitations } from "@/lib/workspaces/manage-invitations";
import { listWorkspacesForUser } from "@/lib/workspaces/membership-repository";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { actor, workspace, role } = await requireWorkspacePage(workspaceId);
  const db = await getDb();
  const [memberships, invitations] = await Promise.all([listWorkspacesForUser(db, actor.userId), countMyInvitations(db, actor)]);
  return (
    <>
      <AppHeader
        current={workspace}
        workspaces={memberships.map((m) => m.workspace)}
        email={actor.email}
        role={role}
        invitations={invitations}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
