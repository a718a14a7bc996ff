import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/errors/unique-violation";
import { checkSecretsFit } from "@/lib/webhook-secrets/check-secrets-fit";
import { authorizeWorkflow } from "./authorize-workflow";
import { definitionsEqual } from "./definition";
import { definitionOrThrow, storedDefinition } from "./definition-or-throw";
import { definitionSaveIssues } from "./definition/save-rules";
import { EDIT_CONFLICT_MESSAGE } from "./update-workflow";
import { findWorkflowDetail, insertVersion, latestVersionNumber, setLiveVersion, updateDraftIfRevision } from "./workflow-repository";

export interface PublishResult {
  version: number;
  versionId: string;
  publishedAt: Date;
  /** True when the draft equalled the live version: nothing new was published. */
  unchanged: boolean;
  /** The draft revision after the action (it moves when `definition` was saved). */
  draftRevision: number;
}

/**
 * Publishes what the builder sees. With `definition`, the on-screen draft is saved first
 * (compare-and-set on `expectedRevision`, as a save is) in the same transaction; otherwise
 * the stored draft is published, and `expectedRevision` makes sure it is the one the builder
 * was looking at. A draft equal to the live version makes no new version (`unchanged`).
 * Publishing with HMAC on needs an active secret that fits the scheme.
 */
export async function publishWorkflow(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  opts: { expectedRevision?: number; definition?: unknown } = {},
): Promise<PublishResult> {
  const access = await authorizeWorkflow(db, actor, workflowId, "edit");
  const onScreen = opts.definition === undefined ? undefined : definitionOrThrow(opts.definition);
  try {
    return await db.$transaction(async (tx) => {
      let workflow = await findWorkflowDetail(tx, workflowId);
      if (!workflow) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
      if (onScreen !== undefined && !definitionsEqual(onScreen, storedDefinition(workflow.draft))) {
        const saved = await updateDraftIfRevision(tx, workflowId, opts.expectedRevision ?? workflow.draftRevision, { draft: onScreen });
        if (!saved) throw new AppError("CONFLICT", EDIT_CONFLICT_MESSAGE, { reason: "edit_conflict" });
        workflow = (await findWorkflowDetail(tx, workflowId))!;
      } else if (opts.expectedRevision !== undefined && opts.expectedRevision !== workflow.draftRevision) {
        throw new AppError("CONFLICT", "The draft changed since you opened it. Reload, review it, then publish.", { reason: "edit_conflict" });
      }
      const draft = storedDefinition(workflow.draft);
      const previous = workflow.liveVersion ? storedDefinition(workflow.liveVersion.definition) : null;
      if (workflow.liveVersion && previous && definitionsEqual(draft, previous)) {
        const { id, version, publishedAt } = workflow.liveVersion;
        return { version, versionId: id, publishedAt, unchanged: true, draftRevision: workflow.draftRevision };
      }
      // A draft saved before a save rule existed is checked again: it must not go live.
      const saveIssues = definitionSaveIssues(draft);
      if (saveIssues.length > 0) {
        throw new AppError("VALIDATION_FAILED", "Fix the draft before publishing.", {
          reason: "invalid_definition",
          issues: saveIssues.map((issue) => ({ ...issue, path: ["definition", ...issue.path] })),
        });
      }
      const emptyStep = draft.steps.findIndex((step) => step.fields.length === 0);
      if (emptyStep >= 0) {
        throw new AppError("VALIDATION_FAILED", "Every step needs at least one field before publishing.", {
          reason: "invalid_definition",
          issues: [{ path: ["definition", "steps", emptyStep, "fields"], message: "Add at least one field to this step" }],
        });
      }
      if (draft.trigger.hmac.enabled) await checkSecretsFit(tx, workflowId, draft.trigger.hmac, { requireSecret: true });
      const version = ((await latestVersionNumber(tx, workflowId))?.version ?? 0) + 1;
      const created = await insertVersion(tx, { workflowId, version, definition: draft, publishedById: actor!.userId });
      await setLiveVersion(tx, workflowId, created.id);
      const audit = { workspaceId: access.workspace.id, actorUserId: actor!.userId, targetType: "workflow" as const, targetId: workflowId };
      await recordAuditEvent(tx, { ...audit, action: "workflow.published", data: { version } });
      const hmacBefore = previous?.trigger.hmac.enabled ?? false;
      if (draft.trigger.hmac.enabled !== hmacBefore) {
        await recordAuditEvent(tx, {
          ...audit,
          action: draft.trigger.hmac.enabled ? "workflow.hmac_enabled" : "workflow.hmac_disabled",
          data: { version, scheme: draft.trigger.hmac.scheme, algorithm: draft.trigger.hmac.algorithm },
        });
      }
      return { version: created.version, versionId: created.id, publishedAt: created.publishedAt, unchanged: false, draftRevision: workflow.draftRevision };
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
