import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

const listSelect = {
  id: true,
  name: true,
  last4: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, email: true } },
} satisfies Prisma.ApiTokenSelect;

export function insertApiToken(db: Db, data: { workspaceId: string; userId: string; name: string; tokenHash: string; last4: string }) {
  return db.apiToken.create({ data, select: { id: true, name: true, last4: true, createdAt: true } });
}

/** Newest first; revoked tokens stay listed so the builder can see what was revoked and when. */
export function listApiTokensForWorkspace(db: Db, workspaceId: string) {
  return db.apiToken.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: listSelect });
}

export function findApiTokenByHash(db: Db, tokenHash: string) {
  return db.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, workspaceId: true, userId: true, revokedAt: true, lastUsedAt: true },
  });
}

export function findApiTokenInWorkspace(db: Db, workspaceId: string, tokenId: string) {
  return db.apiToken.findFirst({ where: { id: tokenId, workspaceId }, select: { id: true, userId: true, revokedAt: true } });
}

/** Revokes once; a second revoke keeps the first time. Returns whether this call revoked it. */
export async function markApiTokenRevoked(db: Db, tokenId: string, now: Date): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}

/**
 * Records use at most once per `minIntervalMs` per token: the condition sits in the UPDATE,
 * so concurrent requests on several instances write once instead of on every call.
 */
export async function touchApiTokenLastUsed(db: Db, tokenId: string, now: Date, minIntervalMs: number): Promise<void> {
  await db.apiToken.updateMany({
    where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - minIntervalMs) } }] },
    data: { lastUsedAt: now },
  });
}

/** Name and last 4 characters of these tokens, for the audit log. */
export async function findApiTokenLabels(db: Db, tokenIds: string[]): Promise<Map<string, { name: string; last4: string }>> {
  if (tokenIds.length === 0) return new Map();
  const rows = await db.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true, last4: true } });
  return new Map(rows.map((r) => [r.id, { name: r.name, last4: r.last4 }]));
}
