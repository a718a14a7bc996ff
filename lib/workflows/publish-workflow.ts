import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/errors/unique-violation";
import { authorizeWorkflow } from "./authorize-workflow";
import { storedDefinition } from "./definition-or-throw";
import { findWorkflowDetail, insertVersion, latestVersionNumber, setLiveVersion } from "./workflow-repository";

/**
 * Snapshots the draft as the next immutable version and makes it live. With
 * `expectedRevision` the builder publishes exactly the draft they were looking at.
 */
export async function publishWorkflow(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  opts: { expectedRevision?: number } = {},
) {
  const access = await authorizeWorkflow(db, actor, workflowId, "edit");
  try {
    return await db.$transaction(async (tx) => {
      const workflow = await findWorkflowDetail(tx, workflowId);
      if (!workflow) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
      if (opts.expectedRevision !== undefined && opts.expectedRevision !== workflow.draftRevision) {
        throw new AppError("CONFLICT", "The draft changed since you opened it. Reload, review it, then publish.", {
          reason: "edit_conflict",
        });
      }
      const draft = storedDefinition(workflow.draft);
      const emptyStep = draft.steps.findIndex((step) => step.fields.length === 0);
      if (emptyStep >= 0) {
        throw new AppError("VALIDATION_FAILED", "Every step needs at least one field before publishing.", {
          reason: "invalid_definition",
          issues: [{ path: ["definition", "steps", emptyStep, "fields"], message: "Add at least one field to this step" }],
        });
      }
      const previous = workflow.liveVersion ? storedDefinition(workflow.liveVersion.definition) : null;
      const version = ((await latestVersionNumber(tx, workflowId))?.version ?? 0) + 1;
      const created = await insertVersion(tx, { workflowId, version, definition: draft, publishedById: actor!.userId });
      await setLiveVersion(tx, workflowId, created.id);
      const audit = { workspaceId: access.workspace.id, actorUserId: actor!.userId, targetType: "workflow", targetId: workflowId };
      await recordAuditEvent(tx, { ...audit, action: "workflow.published", data: { version } });
      const hmacBefore = previous?.trigger.hmac.enabled ?? false;
      if (draft.trigger.hmac.enabled !== hmacBefore) {
        await recordAuditEvent(tx, {
          ...audit,
          action: draft.trigger.hmac.enabled ? "workflow.hmac_enabled" : "workflow.hmac_disabled",
          data: { version, scheme: draft.trigger.hmac.scheme, algorithm: draft.trigger.hmac.algorithm },
        });
      }
      return { version: created.version, versionId: created.id, publishedAt: created.publishedAt };
    });
  } catch (error) {
    // Two publishes at once compete for the same version number; the loser is told plainly.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "Someone else published this workflow at the same moment. Reload and try again.", {
        reason: "publish_conflict",
      });
    }
    throw error;
  }
}
