import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/authorize";
import { authorizeWorkflow } from "./authorize-workflow";
import { definitionsEqual } from "./definition";
import { storedDefinition } from "./definition-or-throw";
import { workflowUrls } from "./workflow-urls";
import { findWorkflowDetail } from "./workflow-repository";
import { AppError } from "@/lib/errors/app-error";

export type DirectLinkStatus =
  | { kind: "live" }
  | { kind: "unpublished" }
  | { kind: "hmac_required" };

type WorkflowDetailRow = NonNullable<Awaited<ReturnType<typeof findWorkflowDetail>>>;

/**
 * What a stored workflow is, as the builder and the REST API show it: the draft, the live
 * version, whether they differ, its URLs, and whether the direct link and QR code work right
 * now. The direct link follows the *published* version only, so a draft with HMAC on changes
 * nothing until Publish.
 */
export function describeWorkflow(workflow: WorkflowDetailRow, publicUrl: string) {
  const draft = storedDefinition(workflow.draft);
  const live = workflow.liveVersion ? storedDefinition(workflow.liveVersion.definition) : null;
  const directLink: DirectLinkStatus = !live
    ? { kind: "unpublished" }
    : live.trigger.hmac.enabled
      ? { kind: "hmac_required" }
      : { kind: "live" };
  return {
    id: workflow.id,
    workspaceId: workflow.workspaceId,
    name: workflow.name,
    slug: workflow.slug,
    hookId: workflow.hookId,
    draft,
    draftRevision: workflow.draftRevision,
    live: live && workflow.liveVersion ? { version: workflow.liveVersion.version, publishedAt: workflow.liveVersion.publishedAt, definition: live } : null,
    hasUnpublishedChanges: !live || !definitionsEqual(draft, live),
    directLink,
    urls: workflowUrls(publicUrl, workflow),
    createdAt: workflow.createdAt,
    updatedAt: workflow.updatedAt,
  };
}

export type WorkflowDescription = ReturnType<typeof describeWorkflow>;

/** One workflow for someone who may view it, with what their role lets them do. */
export async function getWorkflowView(db: PrismaClient, actor: Actor | null, workflowId: string, publicUrl: string) {
  const access = await authorizeWorkflow(db, actor, workflowId, "view");
  const workflow = await findWorkflowDetail(db, workflowId);
  if (!workflow) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  return { ...describeWorkflow(workflow, publicUrl), role: access.role, canEdit: roleAllows(access.role, "edit") };
}

export type WorkflowView = Awaited<ReturnType<typeof getWorkflowView>>;
