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

/**
 * What the builder pages show about one workflow: the draft, the live version, whether they
 * differ, and whether the direct link and QR code work right now. The direct link follows
 * the *published* version only, so a draft with HMAC on changes nothing until Publish.
 */
export async function getWorkflowView(db: PrismaClient, actor: Actor | null, workflowId: string, publicUrl: string) {
  const access = await authorizeWorkflow(db, actor, workflowId, "view");
  const workflow = await findWorkflowDetail(db, workflowId);
  if (!workflow) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
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
    draft,
    draftRevision: workflow.draftRevision,
    live: live && workflow.liveVersion ? { version: workflow.liveVersion.version, publishedAt: workflow.liveVersion.publishedAt, definition: live } : null,
    hasUnpublishedChanges: !live || !definitionsEqual(draft, live),
    directLink,
    urls: workflowUrls(publicUrl, workflow),
    role: access.role,
    canEdit: roleAllows(access.role, "edit"),
  };
}

export type WorkflowView = Awaited<ReturnType<typeof getWorkflowView>>;
