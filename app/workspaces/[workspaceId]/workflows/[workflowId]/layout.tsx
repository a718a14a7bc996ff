import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getWorkflowView } from "@/lib/workflows/get-workflow-view";
import { DraftSyncProvider } from "@/components/builder/draft-sync";
import { PublishForm } from "@/components/builder/publish-form";
import { WorkflowTabs } from "@/components/builder/workflow-tabs";
import { publishAction } from "./actions";

/** The workflow's header on every tab: name, live version, unpublished changes, Publish. */
export default async function WorkflowLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspaceId: string; workflowId: string }>;
}) {
  const { workspaceId, workflowId } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in`);
  const view = await getWorkflowView(await getDb(), actor, workflowId, getConfig().publicUrl).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // A workflow reached through another workspace's URL is not found there.
  if (view.workspaceId !== workspaceId) notFound();
  const base = `/workspaces/${workspaceId}/workflows/${workflowId}`;

  return (
    <DraftSyncProvider>
      <div className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <p className="text-sm text-slate-600">
              <a href={`/workspaces/${workspaceId}`} className="hover:underline">
                Workflows
              </a>{" "}
              /
            </p>
            <h1 className="break-words text-2xl font-semibold">{view.name}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="version-status">
              {view.live ? (
                <span className="rounded-full bg-emerald-50 px-2.5 py-0.5 font-medium text-emerald-800 ring-1 ring-emerald-200">
                  Live: version {view.live.version}
                </span>
              ) : (
                <span className="rounded-full bg-slate-100 px-2.5 py-0.5 font-medium text-slate-700 ring-1 ring-slate-200">Not published</span>
              )}
              {view.live && view.hasUnpublishedChanges && (
                <span className="rounded-full bg-amber-50 px-2.5 py-0.5 font-medium text-amber-900 ring-1 ring-amber-200">
                  Unpublished changes
                </span>
              )}
            </div>
          </div>
          {view.canEdit && (
            <PublishForm
              publish={publishAction.bind(null, workspaceId, workflowId)}
              revision={view.draftRevision}
              upToDate={!view.hasUnpublishedChanges}
            />
          )}
        </div>
        <WorkflowTabs base={base} />
        <div>{children}</div>
      </div>
    </DraftSyncProvider>
  );
}
