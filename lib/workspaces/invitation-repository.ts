import type { Prisma, PrismaClient, Role } from "@/lib/generated/prisma/client";

// The only code that reads or writes Invitation rows.

type Db = PrismaClient | Prisma.TransactionClient;

const pending = (now: Date) => ({ status: "pending" as const, expiresAt: { gt: now } });

export function findPendingInvitation(db: Db, workspaceId: string, email: string, now: Date) {
  return db.invitation.findFirst({ where: { workspaceId, email, ...pending(now) }, select: { id: true } });
}

export function insertInvitation(db: Db, data: { workspaceId: string; email: string; role: Role; invitedById: string; expiresAt: Date }) {
  return db.invitation.create({ data, select: { id: true } });
}

export function renewInvitation(db: Db, id: string, data: { role: Role; invitedById: string; expiresAt: Date }) {
  return db.invitation.update({ where: { id }, data, select: { id: true } });
}

/** A workspace's pending invitations, newest first (for its owners). */
export function listWorkspaceInvitations(db: Db, workspaceId: string, now: Date) {
  return db.invitation.findMany({
    where: { workspaceId, ...pending(now) },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
  });
}

/** Pending invitations addressed to an email, with the workspace's name (for the invitee). */
export function listInvitationsForEmail(db: Db, email: string, now: Date) {
  return db.invitation.findMany({
    where: { email, ...pending(now) },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true, workspace: { select: { id: true, name: true } } },
  });
}

export function countInvitationsForEmail(db: Db, email: string, now: Date) {
  return db.invitation.count({ where: { email, ...pending(now) } });
}

/** One pending invitation, only if it is addressed to `email`. */
export function findInvitationForEmail(db: Db, id: string, email: string, now: Date) {
  return db.invitation.findFirst({ where: { id, email, ...pending(now) }, select: { id: true, workspaceId: true, role: true } });
}

export function findWorkspaceInvitation(db: Db, id: string, workspaceId: string, now: Date) {
  return db.invitation.findFirst({ where: { id, workspaceId, ...pending(now) }, select: { id: true, email: true } });
}

/**
 * Closes every pending invitation of this workspace to this email (there may be two when two
 * owners invited at the same moment). Returns how many changed: 0 means someone else closed
 * them first, so the caller's answer is stale.
 */
export async function closeInvitations(db: Db, workspaceId: string, email: string, status: "accepted" | "declined" | "revoked", now: Date) {
  const { count } = await db.invitation.updateMany({ where: { workspaceId, email, status: "pending" }, data: { status, respondedAt: now } });
  return count;
}

/** The invited email of these invitations, for the audit log. */
export async function findInvitationEmails(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.invitation.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  return new Map(rows.map((r) => [r.id, r.email]));
}
