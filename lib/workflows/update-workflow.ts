import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { checkSecretsFit } from "@/lib/webhook-secrets/check-secrets-fit";
import { authorizeWorkflow } from "./authorize-workflow";
import { definitionOrThrow, storedDefinition } from "./definition-or-throw";
import { ZUpdateWorkflow } from "./schemas";
import { findWorkflowDetail, updateDraftIfRevision } from "./workflow-repository";

export const EDIT_CONFLICT_MESSAGE = "Someone else saved this workflow after you opened it. Reload to see their changes, then apply yours again.";

/**
 * Edits the draft (never the live version). With `expectedRevision` the save is refused when
 * someone saved in between, instead of silently overwriting their work. A new signature
 * scheme that none of the workflow's active secrets fits is refused (422).
 */
export async function updateWorkflow(db: PrismaClient, actor: Actor | null, workflowId: string, input: unknown) {
  await authorizeWorkflow(db, actor, workflowId, "edit");
  const data = ZUpdateWorkflow.parse(input);
  const draft = data.definition === undefined ? undefined : definitionOrThrow(data.definition);
  const current = await findWorkflowDetail(db, workflowId);
  if (!current) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  if (draft && draft.trigger.hmac.scheme !== storedDefinition(current.draft).trigger.hmac.scheme) {
    await checkSecretsFit(db, workflowId, draft.trigger.hmac, { requireSecret: false });
  }
  const expected = data.expectedRevision ?? current.draftRevision;
  const saved = await updateDraftIfRevision(db, workflowId, expected, { name: data.name, draft });
  if (!saved) throw new AppError("CONFLICT", EDIT_CONFLICT_MESSAGE, { reason: "edit_conflict" });
  return (await findWorkflowDetail(db, workflowId))!;
}
