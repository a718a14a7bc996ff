import { currentActor } from "@/lib/auth/current-actor";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { listWorkflowDetectedFields } from "@/lib/field-detection/list-detected-fields";
import { getWorkflowView } from "@/lib/workflows/get-workflow-view";
import { DirectLinkPanel } from "@/components/builder/direct-link-panel";
import { WorkflowEditor } from "@/components/builder/workflow-editor";
import { saveDraftAction } from "./actions";

export const metadata = { title: "Builder" };

// The layout already answered 404 for foreign ids; this page reads the same view again.
export default async function BuilderPage({ params }: { params: Promise<{ workspaceId: string; workflowId: string }> }) {
  const { workspaceId, workflowId } = await params;
  const db = await getDb();
  const actor = await currentActor();
  const view = await getWorkflowView(db, actor, workflowId, getConfig().publicUrl);
  const detected = await listWorkflowDetectedFields(db, actor, workflowId);
  const base = `/workspaces/${workspaceId}/workflows/${workflowId}`;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <WorkflowEditor
        initial={view.draft}
        revision={view.draftRevision}
        canEdit={view.canEdit}
        save={saveDraftAction.bind(null, workspaceId, workflowId)}
        detected={detected.map(({ path, type, example }) => ({ path, type, example }))}
        liveHmacEnabled={view.live ? view.live.definition.trigger.hmac.enabled : null}
        webhookTabHref={`${base}/webhook`}
      />
      <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <DirectLinkPanel view={view} />
      </aside>
    </div>
  );
}
