import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// Browser sign-in sessions (Auth.js JWTs) that must stop working before they expire: the
// user's session version (raised on a password change) and the list of signed-out sessions.

type Db = PrismaClient | Prisma.TransactionClient;

/** The user's session version, and whether this session id was signed out; null without a user. */
export async function findSessionState(db: Db, userId: string, sessionId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true, revokedSessions: { where: { id: sessionId }, select: { id: true } } },
  });
  return user ? { sessionVersion: user.sessionVersion, revoked: user.revokedSessions.length > 0 } : null;
}

export function findSessionVersion(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
}

/** Records a signed-out session (idempotent), and forgets those that have expired anyway. */
export async function insertRevokedSession(db: Db, input: { id: string; userId: string; expiresAt: Date }, now: Date) {
  await db.revokedSession.upsert({ where: { id: input.id }, create: input, update: {}, select: { id: true } });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}
