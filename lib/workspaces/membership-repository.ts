import type { Prisma, PrismaClient, Role } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

export function findMembership(db: Db, workspaceId: string, userId: string) {
  return db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, workspace: { select: { id: true, name: true, personal: true } } },
  });
}

export function listWorkspacesForUser(db: Db, userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true, personal: true } } },
  });
}

export function listMembers(db: Db, workspaceId: string) {
  return db.membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}

export function upsertMembership(db: Db, workspaceId: string, userId: string, role: Role) {
  return db.membership.upsert({
    where: { workspaceId_userId: { workspaceId, userId } },
    create: { workspaceId, userId, role },
    update: { role },
    select: { id: true, role: true },
  });
}

export function findMembershipByEmail(db: Db, workspaceId: string, email: string) {
  return db.membership.findFirst({ where: { workspaceId, user: { email } }, select: { id: true, userId: true, role: true } });
}

export function findMembershipById(db: Db, workspaceId: string, membershipId: string) {
  return db.membership.findFirst({ where: { id: membershipId, workspaceId }, select: { id: true, userId: true, role: true, user: { select: { email: true } } } });
}

/** The owners' membership ids, locked until the transaction ends (owner removals queue up). */
export async function lockOwnerMemberships(tx: Prisma.TransactionClient, workspaceId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND "role" = 'owner' FOR UPDATE`;
  return rows.map((r) => r.id);
}

export function deleteMembership(db: Db, membershipId: string) {
  return db.membership.delete({ where: { id: membershipId }, select: { id: true } });
}
