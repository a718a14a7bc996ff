import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { decryptSecret } from "@/lib/encryption/at-rest";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { findSecretCiphertext } from "./secret-repository";

/** The full value of one secret, for an editor who asked explicitly. Every reveal is audited. */
export async function revealSecret(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  secretId: string,
  opts: { keys?: AppKey[] } = {},
): Promise<{ id: string; secret: string; last4: string }> {
  const access = await authorizeWorkflow(db, actor, workflowId, "edit");
  const row = await findSecretCiphertext(db, workflowId, secretId);
  if (!row) throw new AppError("NOT_FOUND", "Secret not found.", { reason: "not_found" });
  let secret: string;
  try {
    secret = decryptSecret(row.ciphertext, opts.keys ?? getConfig().appKeys);
  } catch (error) {
    throw new AppError("INTERNAL_ERROR", "This secret cannot be decrypted with the configured app keys.", { reason: "secret_undecryptable", cause: error });
  }
  await recordAuditEvent(db, {
    workspaceId: access.workspace.id,
    actorUserId: actor!.userId,
    action: "secret.revealed",
    targetType: "webhook_secret",
    targetId: secretId,
    data: { workflowId, last4: row.last4 },
  });
  return { id: row.id, secret, last4: row.last4 };
}
