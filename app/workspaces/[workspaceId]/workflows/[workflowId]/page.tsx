import { currentActor } from "@/lib/auth/current-actor";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { getBuilderView } from "@/lib/workflows/get-builder-view";
import { DirectLinkPanel } from "@/components/builder/direct-link-panel";
import { WorkflowEditor } from "@/components/builder/workflow-editor";
import { saveDraftAction } from "./actions";

export const metadata = { title: "Builder" };

// The layout already answered 404 for foreign ids; this page reads the same view again.
export default async function BuilderPage({ params }: { params: Promise<{ workspaceId: string; workflowId: string }> }) {
  const { workspaceId, workflowId } = await params;
  const { view, detected, samplePayload } = await getBuilderView(await getDb(), await currentActor(), workflowId, getConfig().publicUrl);
  const base = `/workspaces/${workspaceId}/workflows/${workflowId}`;
  return (
    <WorkflowEditor
      initial={view.draft}
      revision={view.draftRevision}
      canEdit={view.canEdit}
      save={saveDraftAction.bind(null, workspaceId, workflowId)}
      detected={detected}
      liveHmacEnabled={view.live ? view.live.definition.trigger.hmac.enabled : null}
      webhookTabHref={`${base}/webhook`}
      samplePayload={samplePayload}
      published={view.live?.definition ?? null}
      sidebar={<DirectLinkPanel view={view} />}
    />
  );
}
