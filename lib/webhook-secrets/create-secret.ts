import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { encryptSecret } from "@/lib/encryption/at-rest";
import type { THmacScheme } from "@/lib/hmac/schemas";
import { secretRule, whsecKeyBytes } from "@/lib/hmac/secret-rules";
import { assessSecretStrength } from "@/lib/hmac/secret-strength";
import { formatsFor, generateSecret, secretLast4, validatePastedSecret } from "@/lib/hmac/signing-secrets";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { DEFAULT_ROTATION_SECONDS, ZCreateSecret } from "./schemas";
import { schemesInUse } from "./secret-schemes";
import { anyActiveSecretVerified, expireOtherSecrets, insertSecretRow, revokeOtherSecrets } from "./secret-repository";

export interface CreatedSecret {
  id: string;
  /** The full value: returned here and on an explicit reveal, never anywhere else. */
  secret: string;
  last4: string;
  format: "whsec" | "alphanumeric" | "pasted";
  createdAt: Date;
  warnings: string[];
  /** What happened to the other active secrets. */
  mode: "replace" | "rotate";
  /** Rotate: how many older secrets now expire, and when. */
  expiredOthers: number;
  othersExpireAt: Date | null;
  /** Replace: how many older secrets were revoked now. */
  revokedOthers: number;
}

function invalidSecret(message: string, path = "value"): AppError {
  return new AppError("VALIDATION_FAILED", message, { reason: "invalid_secret", issues: [{ path: [path], message }] });
}

/**
 * Adds a signing secret: generated (default `whsec_` + 32 random bytes) or pasted, checked
 * against the key rule of every scheme it must serve and, when pasted, for strength. Then
 * either replaces the other active secrets (revoked now) or rotates them (valid until an
 * expiry, default 72 h, so senders switch over without a failed request). Without a mode it
 * replaces while no live request has verified with the existing secrets (set-up) and rotates
 * afterwards. A refused secret changes nothing.
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
  const schemes = await schemesInUse(db, workflowId);
  let value: string;
  let warnings: string[] = [];
  let format: CreatedSecret["format"];
  if (data.value !== undefined) {
    const pasted = validatePastedSecret(data.value, schemes);
    if (!pasted.ok) throw invalidSecret(pasted.error);
    const strength = await assessSecretStrength(pasted.value);
    if (strength.verdict === "refuse") throw invalidSecret(strength.message);
    value = pasted.value;
    warnings = strength.verdict === "warn" ? [...pasted.warnings, strength.message] : pasted.warnings;
    format = "pasted";
  } else {
    format = data.format ?? "whsec";
    const unfit = schemes.find((scheme: THmacScheme) => !formatsFor(scheme).includes(format as "whsec" | "alphanumeric"));
    if (unfit) throw invalidSecret(`A ${format} secret cannot be used here. ${secretRule(unfit)}`, "format");
    value = generateSecret(format);
  }
  const last4 = secretLast4(value);
  const mode = data.mode ?? (data.expireOthersInSeconds !== undefined || (await anyActiveSecretVerified(db, workflowId, now)) ? "rotate" : "replace");
  return db.$transaction(async (tx) => {
    const row = await insertSecretRow(tx, {
      workflowId,
      ciphertext: encryptSecret(value, key),
      keyId: key.id,
      last4,
      format,
      whsecKeyBytes: whsecKeyBytes(value),
      createdById: actor!.userId,
    });
    let expiredOthers = 0;
    let revokedOthers = 0;
    let othersExpireAt: Date | null = null;
    if (mode === "rotate") {
      othersExpireAt = new Date(now.getTime() + (data.expireOthersInSeconds ?? DEFAULT_ROTATION_SECONDS) * 1000);
      expiredOthers = await expireOtherSecrets(tx, workflowId, row.id, othersExpireAt);
      if (expiredOthers === 0) othersExpireAt = null;
    } else {
      revokedOthers = await revokeOtherSecrets(tx, workflowId, row.id, now);
    }
    await recordAuditEvent(tx, {
      workspaceId: access.workspace.id,
      actorUserId: actor!.userId,
      action: "secret.created",
      targetType: "webhook_secret",
      targetId: row.id,
      data: { workflowId, last4, format, mode, expireOthersInSeconds: data.expireOthersInSeconds ?? null, expiredOthers, revokedOthers },
    });
    return { id: row.id, secret: value, last4, format, createdAt: row.createdAt, warnings, mode, expiredOthers, othersExpireAt, revokedOthers };
  });
}
