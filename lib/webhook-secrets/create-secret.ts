import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { encryptSecret } from "@/lib/encryption/at-rest";
import { generateSecret, secretLast4, validatePastedSecret } from "@/lib/hmac/signing-secrets";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { ZCreateSecret } from "./schemas";
import { expireOtherSecrets, insertSecretRow } from "./secret-repository";

export interface CreatedSecret {
  id: string;
  /** The full value: returned here and on an explicit reveal, never anywhere else. */
  secret: string;
  last4: string;
  format: "whsec" | "alphanumeric" | "pasted";
  createdAt: Date;
  warnings: string[];
  /** How many older secrets now expire (rotation). */
  expiredOthers: number;
}

/**
 * Adds a signing secret: generated (default `whsec_` + 32 random bytes) or pasted. With
 * `expireOthersInSeconds` it is a rotation: the other active secrets stay valid until then,
 * so senders can switch over without a failed request.
 */
export async function createSecret(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  input: unknown,
  opts: { keys?: AppKey[]; now?: Date } = {},
): Promise<CreatedSecret> {
  const access = await authorizeWorkflow(db, actor, workflowId, "edit");
  const data = ZCreateSecret.parse(input);
  const now = opts.now ?? new Date();
  const key = (opts.keys ?? getConfig().appKeys)[0];
  if (!key) throw new AppError("INTERNAL_ERROR", "No app key is configured to encrypt secrets.", { reason: "no_app_key" });

  let value: string;
  let warnings: string[] = [];
  let format: CreatedSecret["format"];
  if (data.value !== undefined) {
    const pasted = validatePastedSecret(data.value);
    if (!pasted.ok) {
      throw new AppError("VALIDATION_FAILED", pasted.error, { reason: "invalid_secret", issues: [{ path: ["value"], message: pasted.error }] });
    }
    value = pasted.value;
    warnings = pasted.warnings;
    format = "pasted";
  } else {
    format = data.format ?? "whsec";
    value = generateSecret(format);
  }

  const last4 = secretLast4(value);
  return db.$transaction(async (tx) => {
    const row = await insertSecretRow(tx, {
      workflowId,
      ciphertext: encryptSecret(value, key),
      keyId: key.id,
      last4,
      format,
      createdById: actor!.userId,
    });
    let expiredOthers = 0;
    if (data.expireOthersInSeconds !== undefined) {
      const expiresAt = new Date(now.getTime() + data.expireOthersInSeconds * 1000);
      expiredOthers = await expireOtherSecrets(tx, workflowId, row.id, expiresAt);
    }
    await recordAuditEvent(tx, {
      workspaceId: access.workspace.id,
      actorUserId: actor!.userId,
      action: "secret.created",
      targetType: "webhook_secret",
      targetId: row.id,
      data: { workflowId, last4, format, expireOthersInSeconds: data.expireOthersInSeconds ?? null, expiredOthers },
    });
    return { id: row.id, secret: value, last4, format, createdAt: row.createdAt, warnings, expiredOthers };
  });
}
