import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AppKey } from "@/lib/config/env";
import { decryptSecret } from "@/lib/hmac/encryption";
import { logger } from "@/lib/log/logger";
import type { ActiveSecret } from "@/lib/secrets/active-secrets";
import { findActiveSecretCiphertexts } from "@/lib/secrets/secret-repository";

// loadActiveSecrets for the webhook hot path. Which secrets may verify is read from the
// database on every request, so a revocation, an expiry or a new secret counts from the next
// request; only the AES-GCM decryption is remembered, keyed by the exact ciphertext (a
// re-encrypted or replaced secret is a new entry) and by the app keys in use.

const MAX_ENTRIES = 10_000;
const byKeys = new WeakMap<AppKey[], Map<string, string>>();

function decryptCached(keys: AppKey[], id: string, ciphertext: string): string {
  let cache = byKeys.get(keys);
  if (!cache) byKeys.set(keys, (cache = new Map()));
  const cacheKey = `${id}\u0000${ciphertext}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const value = decryptSecret(ciphertext, keys);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, value);
  return value;
}

export async function loadHookSecrets(db: PrismaClient, workflowId: string, now: Date, keys: AppKey[]): Promise<ActiveSecret[]> {
  const rows = await findActiveSecretCiphertexts(db, workflowId, now);
  const secrets: ActiveSecret[] = [];
  for (const row of rows) {
    try {
      secrets.push({ id: row.id, value: decryptCached(keys, row.id, row.ciphertext), expiresAt: row.expiresAt, revokedAt: null, last4: row.last4 });
    } catch (error) {
      logger.error("secret_undecryptable", { workflowId, secretId: row.id, error });
    }
  }
  return secrets;
}
