import { requireWorkspacePage } from "@/lib/auth/page-access";

export const metadata = { title: "Workflows" };

export default async function WorkflowsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { workspace } = await requireWorkspacePage(workspaceId);
  return (
    <section aria-labelledby="workflows-heading">
      <h1 id="workflows-heading" className="text-2xl font-semibold">
        Workflows
      </h1>
      <p className="mt-1 text-sm text-slate-600">{workspace.name}</p>
      <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <p className="font-medium">No workflows yet</p>
        <p className="mt-1 text-sm text-slate-600">Create a workflow to start sessions from signed webhooks.</p>
      </div>
    </section>
  );
}
