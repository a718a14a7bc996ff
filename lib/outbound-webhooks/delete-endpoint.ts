import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeEndpoint } from "./endpoint-access";
import { deleteEndpointRow } from "./endpoint-repository";

/** Deletes an endpoint with its secrets, messages and attempts (messages not yet sent are dropped). */
export async function deleteEndpoint(db: PrismaClient, actor: Actor | null, endpointId: string): Promise<{ id: string; deleted: true }> {
  const access = await authorizeEndpoint(db, actor, endpointId, "edit");
  await db.$transaction(async (tx) => {
    await deleteEndpointRow(tx, endpointId);
    await recordAuditEvent(tx, {
      workspaceId: access.workspace.id,
      actorUserId: actor!.userId,
      action: "endpoint.deleted",
      targetType: "endpoint",
      targetId: endpointId,
      data: { workflowId: access.workflowId },
    });
  });
  return { id: endpointId, deleted: true };
}
