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
} satisfies Prisma.WebhookSecretSelect;

export function insertSecretRow(
  db: Db,
  data: { workflowId: string; ciphertext: string; keyId: string; last4: string; format: string; createdById: string | null },
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

/** Revokes now; a second revoke keeps the first instant. Returns false when nothing changed. */
export async function revokeSecretRow(db: Db, workflowId: string, secretId: string, now: Date): Promise<boolean> {
  const { count } = await db.webhookSecret.updateMany({ where: { id: secretId, workflowId, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}
