import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeWorkflow } from "./authorize-workflow";
import { deleteWorkflowRow, findWorkflowDetail } from "./workflow-repository";

/** Deletes a workflow with its versions, secrets, sessions and deliveries (cascade). */
export async function deleteWorkflow(db: PrismaClient, actor: Actor | null, workflowId: string) {
  const access = await authorizeWorkflow(db, actor, workflowId, "edit");
  return db.$transaction(async (tx) => {
    const workflow = await findWorkflowDetail(tx, workflowId);
    await deleteWorkflowRow(tx, workflowId);
    await recordAuditEvent(tx, {
      workspaceId: access.workspace.id,
      actorUserId: actor!.userId,
      action: "workflow.deleted",
      targetType: "workflow",
      targetId: workflowId,
      data: { name: workflow?.name ?? null },
    });
    return { id: workflowId };
  });
}
