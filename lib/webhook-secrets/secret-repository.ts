import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The only code that reads or writes WebhookSecret rows. Ciphertexts are selected only by the
// functions that must decrypt (verification and an explicit reveal).

type Db = PrismaClient | Prisma.TransactionClient;

const publicSelect = {
  id: true,
  last4: true,
  format: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastVerifiedAt: true,
} satisfies Prisma.WebhookSecretSelect;

export function insertSecretRow(
  db: Db,
  data: { workflowId: string; ciphertext: string; keyId: string; last4: string; format: string; whsecKeyBytes: number | null; createdById: string | null },
) {
  return db.webhookSecret.create({ data, select: publicSelect });
}

export function listSecretRows(db: Db, workflowId: string) {
  return db.webhookSecret.findMany({ where: { workflowId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: publicSelect });
}

export function findSecretRow(db: Db, workflowId: string, secretId: string) {
  return db.webhookSecret.findFirst({ where: { id: secretId, workflowId }, select: publicSelect });
}

export function findSecretCiphertext(db: Db, workflowId: string, secretId: string) {
  return db.webhookSecret.findFirst({
    where: { id: secretId, workflowId },
    select: { ...publicSelect, ciphertext: true },
  });
}

/** Secrets that can still verify at `now`: not revoked, not past their expiry. */
export function findActiveSecretCiphertexts(db: Db, workflowId: string, now: Date) {
  return db.webhookSecret.findMany({
    where: { workflowId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, last4: true, ciphertext: true, expiresAt: true },
  });
}

/**
 * Rotation: every other active secret of the workflow expires at `expiresAt`, unless it
 * already expires sooner (a rotation never extends an old secret's life).
 */
export async function expireOtherSecrets(db: Db, workflowId: string, keepId: string, expiresAt: Date): Promise<number> {
  const { count } = await db.webhookSecret.updateMany({
    where: {
      workflowId,
      id: { not: keepId },
      revokedAt: null,
      // Secrets that already expired (expiresAt <= now <= the new expiry) are left alone.
      OR: [{ expiresAt: null }, { expiresAt: { gt: expiresAt } }],
    },
    data: { expiresAt },
  });
  return count;
}

/** The active secrets' last 4 and key shape, for checking which fit a scheme (no ciphertext). */
export function findActiveSecretShapes(db: Db, workflowId: string, now: Date) {
  return db.webhookSecret.findMany({
    where: { workflowId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, last4: true, whsecKeyBytes: true },
  });
}

/** Replace: every other active secret of the workflow is revoked at `now`. */
export async function revokeOtherSecrets(db: Db, workflowId: string, keepId: string, now: Date): Promise<number> {
  const { count } = await db.webhookSecret.updateMany({
    where: { workflowId, id: { not: keepId }, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { revokedAt: now },
  });
  return count;
}

/** Whether a live request has ever verified with one of the workflow's active secrets. */
export async function anyActiveSecretVerified(db: Db, workflowId: string, now: Date): Promise<boolean> {
  const row = await db.webhookSecret.findFirst({
    where: { workflowId, revokedAt: null, lastVerifiedAt: { not: null }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Records that a live request verified with these secrets, unless that was already recorded
 * less than `interval` ago: at most one write per secret per interval, whatever the traffic.
 */
export async function markSecretsVerified(db: Db, secretIds: string[], now: Date, intervalMs: number): Promise<void> {
  await db.webhookSecret.updateMany({
    where: { id: { in: secretIds }, OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: new Date(now.getTime() - intervalMs) } }] },
    data: { lastVerifiedAt: now },
  });
}

/** Revokes now; a second revoke keeps the first instant. Returns false when nothing changed. */
export async function revokeSecretRow(db: Db, workflowId: string, secretId: string, now: Date): Promise<boolean> {
  const { count } = await db.webhookSecret.updateMany({ where: { id: secretId, workflowId, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}
