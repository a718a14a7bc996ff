import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { authorizeWorkflow } from "./authorize-workflow";
import { definitionOrThrow } from "./definition-or-throw";
import { ZUpdateWorkflow } from "./schemas";
import { findWorkflowDetail, updateDraftIfRevision } from "./workflow-repository";

/**
 * Edits the draft (never the live version). With `expectedRevision` the save is refused when
 * someone saved in between, instead of silently overwriting their work.
 */
export async function updateWorkflow(db: PrismaClient, actor: Actor | null, workflowId: string, input: unknown) {
  await authorizeWorkflow(db, actor, workflowId, "edit");
  const data = ZUpdateWorkflow.parse(input);
  const draft = data.definition === undefined ? undefined : definitionOrThrow(data.definition);
  const current = await findWorkflowDetail(db, workflowId);
  if (!current) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  const expected = data.expectedRevision ?? current.draftRevision;
  const saved = await updateDraftIfRevision(db, workflowId, expected, { name: data.name, draft });
  if (!saved) {
    throw new AppError(
      "CONFLICT",
      "Someone else saved this workflow after you opened it. Reload to see their changes, then apply yours again.",
      { reason: "edit_conflict" },
    );
  }
  return (await findWorkflowDetail(db, workflowId))!;
}
