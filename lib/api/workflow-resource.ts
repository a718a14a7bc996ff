import { definitionsEqual } from "@/lib/workflows/definition";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { workflowUrls } from "@/lib/workflows/workflow-urls";
import type { findWorkflowDetail, listWorkflows } from "@/lib/workflows/workflow-repository";

// The JSON shapes of workflows in /api/v1. `definition` is the draft, exactly the JSON the
// builder edits, so a client can GET, change and PATCH it back.

type WorkflowSummaryRow = Awaited<ReturnType<typeof listWorkflows>>[number];
type WorkflowDetailRow = NonNullable<Awaited<ReturnType<typeof findWorkflowDetail>>>;

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

export function toWorkflowResource(row: WorkflowDetailRow, publicUrl: string) {
  const draft = storedDefinition(row.draft);
  const live = row.liveVersion ? storedDefinition(row.liveVersion.definition) : null;
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    hookId: row.hookId,
    ...workflowUrls(publicUrl, row),
    draftRevision: row.draftRevision,
    definition: draft,
    published:
      row.liveVersion && live
        ? { version: row.liveVersion.version, publishedAt: row.liveVersion.publishedAt, definition: live }
        : null,
    hasUnpublishedChanges: !live || !definitionsEqual(draft, live),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type TWorkflowResource = ReturnType<typeof toWorkflowResource>;
