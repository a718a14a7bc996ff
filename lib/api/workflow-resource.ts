import type { WorkflowDescription } from "@/lib/workflows/get-workflow-view";
import { workflowUrls } from "@/lib/workflows/workflow-urls";
import type { listWorkflows } from "@/lib/workflows/workflow-repository";

// The JSON shapes of workflows in /api/v1. `definition` is the draft, exactly the JSON the
// builder edits, so a client can GET, change and PATCH it back.

type WorkflowSummaryRow = Awaited<ReturnType<typeof listWorkflows>>[number];

export function toWorkflowSummary(row: WorkflowSummaryRow, publicUrl: string) {
  const { hookUrl, testUrl, directLinkUrl } = workflowUrls(publicUrl, row);
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    hookId: row.hookId,
    hookUrl,
    testUrl,
    directLinkUrl,
    draftRevision: row.draftRevision,
    published: row.liveVersion ? { version: row.liveVersion.version, publishedAt: row.liveVersion.publishedAt } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A workflow as lib/workflows describes it (describeWorkflow), in the API's field names. */
export function toWorkflowResource(workflow: WorkflowDescription) {
  return {
    id: workflow.id,
    name: workflow.name,
    slug: workflow.slug,
    hookId: workflow.hookId,
    ...workflow.urls,
    draftRevision: workflow.draftRevision,
    definition: workflow.draft,
    published: workflow.live,
    hasUnpublishedChanges: workflow.hasUnpublishedChanges,
    createdAt: workflow.createdAt,
    updatedAt: workflow.updatedAt,
  };
}
