import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import type { SecretSummary } from "./schemas";
import { findSecretRow, revokeSecretRow } from "./secret-repository";
import { summarizeSecret } from "./summarize-secret";

/** Stops a secret from verifying at once. Revoking twice is harmless and keeps the first time. */
export async function revokeSecret(db: PrismaClient, actor: Actor | null, workflowId: string, secretId: string, now = new Date()): Promise<SecretSummary> {
  const access = await authorizeWorkflow(db, actor, workflowId, "edit");
  return db.$transaction(async (tx) => {
    const changed = await revokeSecretRow(tx, workflowId, secretId, now);
    const row = await findSecretRow(tx, workflowId, secretId);
    if (!row) throw new AppError("NOT_FOUND", "Secret not found.", { reason: "not_found" });
    if (changed) {
      await recordAuditEvent(tx, {
        workspaceId: access.workspace.id,
        actorUserId: actor!.userId,
        action: "secret.revoked",
        targetType: "webhook_secret",
        targetId: secretId,
        data: { workflowId, last4: row.last4 },
      });
    }
    return summarizeSecret(row, now);
  });
}
