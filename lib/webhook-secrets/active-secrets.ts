import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig, type AppKey } from "@/lib/config/env";
import { decryptSecret } from "@/lib/encryption/at-rest";
import type { HmacSecret } from "@/lib/hmac/verify";
import { logger } from "@/lib/log/logger";
import { findActiveSecretCiphertexts } from "./secret-repository";

export interface ActiveSecret extends HmacSecret {
  last4: string;
  /** When a live request last verified with it; read on the webhook path only. */
  lastVerifiedAt?: Date | null;
}

/**
 * The decrypted secrets that may verify a request at `now`. No authorisation: the hook path
 * is authenticated by the signature itself. A secret the configured app keys cannot decrypt
 * is left out (and logged) rather than failing every request with a 500.
 */
export async function loadActiveSecrets(
  db: PrismaClient | Prisma.TransactionClient,
  workflowId: string,
  now: Date,
  keys: AppKey[] = getConfig().appKeys,
): Promise<ActiveSecret[]> {
  const rows = await findActiveSecretCiphertexts(db, workflowId, now);
  const secrets: ActiveSecret[] = [];
  for (const row of rows) {
    try {
      secrets.push({ id: row.id, value: decryptSecret(row.ciphertext, keys), expiresAt: row.expiresAt, revokedAt: null, last4: row.last4 });
    } catch (error) {
      logger.error("secret_undecryptable", { workflowId, secretId: row.id, error });
    }
  }
  return secrets;
}
