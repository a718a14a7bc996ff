import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { markSecretsVerified } from "@/lib/webhook-secrets/secret-repository";

// "Has a live request ever verified with this secret?" decides whether a new secret replaces
// the others (still setting up) or rotates them (senders depend on them). Recording it must
// not cost the webhook a write per request: a secret is marked at most once an hour, judged
// by the value the hook query already read and by what this process wrote itself.

export const MARK_INTERVAL_MS = 3600_000;
const MAX_REMEMBERED = 10_000;
const markedAt = new Map<string, number>();

/** Resolves once recorded (or when nothing needs recording); never rejects. */
export async function noteLiveVerification(
  db: PrismaClient,
  secret: { id: string; lastVerifiedAt?: Date | null },
  now: Date,
): Promise<void> {
  const nowMs = now.getTime();
  if (secret.lastVerifiedAt && nowMs - secret.lastVerifiedAt.getTime() < MARK_INTERVAL_MS) return;
  const mine = markedAt.get(secret.id);
  if (mine !== undefined && nowMs - mine < MARK_INTERVAL_MS) return;
  if (markedAt.size >= MAX_REMEMBERED) markedAt.delete(markedAt.keys().next().value!);
  markedAt.set(secret.id, nowMs);
  try {
    await markSecretsVerified(db, [secret.id], now, MARK_INTERVAL_MS);
  } catch (error) {
    markedAt.delete(secret.id);
    logger.warn("secret_mark_failed", { secretId: secret.id, error });
  }
}
