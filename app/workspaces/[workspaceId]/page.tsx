import Link from "next/link";
import { roleAllows } from "@/lib/auth/authorize";
import { requireWorkspacePage } from "@/lib/auth/page-access";
import { getDb } from "@/lib/db/client";
import { getWorkspaceActivity } from "@/lib/insights/get-workspace-activity";
import { listWorkspaceWorkflows } from "@/lib/workflows/list-workflows";
import { ActivitySparkline } from "@/components/insights/activity-sparkline";
import { TextField } from "@/components/ui/field";
import { CreateWorkflowForm } from "@/components/builder/create-workflow-form";
import { WorkflowRowActions } from "@/components/builder/workflow-row-actions";
import {
  createWorkflowAction,
  deleteWorkflowAction,
  duplicateWorkflowAction,
  renameWorkflowAction,
} from "./workflows/actions";

export const metadata = { title: "Workflows" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function WorkflowsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { workspaceId } = await params;
  const { q } = await searchParams;
  const search = (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 120) ?? "";
  const { actor, workspace, role } = await requireWorkspacePage(workspaceId);
  const canEdit = roleAllows(role, "edit");
  const db = await getDb();
  const workflows = await listWorkspaceWorkflows(db, actor, workspaceId, { search: search || undefined });
  const activity = await getWorkspaceActivity(db, actor, workspaceId, workflows.map((w) => w.id));

  return (
    <section aria-labelledby="workflows-heading" className="space-y-6">
      <div>
        <h1 id="workflows-heading" className="text-2xl font-semibold">
          Workflows
        </h1>
        <p className="mt-1 text-sm text-slate-600">{workspace.name}</p>
      </div>

      {canEdit && (
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-medium">New workflow</h2>
          <CreateWorkflowForm action={createWorkflowAction.bind(null, workspaceId)} />
        </div>
      )}

      <form role="search" className="flex flex-wrap items-end gap-2" action={`/workspaces/${workspaceId}`}>
        <TextField id="workflow-search" label="Search workflows" name="q" type="search" defaultValue={search} placeholder="Name contains…" className="min-w-56 flex-1" />
        <button type="submit" className="rounded-md bg-white px-3.5 py-2 text-sm font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
          Search
        </button>
        {search && (
          <Link href={`/workspaces/${workspaceId}`} className="px-2 py-2 text-sm text-brand-700 underline">
            Clear
          </Link>
        )}
      </form>

      {workflows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          {search ? (
            <>
              <p className="font-medium">No workflows match “{search}”</p>
              <p className="mt-1 text-sm text-slate-600">Try another name, or clear the search.</p>
            </>
          ) : (
            <>
              <p className="font-medium">No workflows yet</p>
              <p className="mt-1 text-sm text-slate-600">
                {canEdit ? "Create a workflow to start sessions from signed webhooks." : "An editor of this workspace can create one."}
              </p>
            </>
          )}
        </div>
      ) : (
        <ul aria-label="Workflows" className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {workflows.map((workflow) => {
            const recent = activity.get(workflow.id);
            const base = `/workspaces/${workspaceId}/workflows/${workflow.id}`;
            return (
              <li key={workflow.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
                <div className="min-w-0 flex-1">
                  {/* Once requests or sessions exist, the overview is where a workflow opens. */}
                  <Link href={recent?.hasTraffic ? `${base}/overview` : base} className="font-medium text-brand-700 hover:underline">
                    {workflow.name}
                  </Link>
                  <p className="text-xs text-slate-600">
                    {workflow.liveVersion ? `Live: version ${workflow.liveVersion.version}` : "Not published"} · created{" "}
                    {dateFormat.format(workflow.createdAt)} UTC
                  </p>
                </div>
                {recent && <ActivitySparkline activity={recent} name={workflow.name} />}
                {canEdit && (
                  <WorkflowRowActions
                    name={workflow.name}
                    rename={renameWorkflowAction.bind(null, workspaceId, workflow.id)}
                    duplicate={duplicateWorkflowAction.bind(null, workspaceId, workflow.id)}
                    remove={deleteWorkflowAction.bind(null, workspaceId, workflow.id)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
