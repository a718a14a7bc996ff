import type { PrismaClient, Role } from "@/lib/generated/prisma/client";

export function findMembership(db: PrismaClient, workspaceId: string, userId: string) {
  return db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, workspace: { select: { id: true, name: true, personal: true } } },
  });
}

export function listWorkspacesForUser(db: PrismaClient, userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true, personal: true } } },
  });
}

export function listMembers(db: PrismaClient, workspaceId: string) {
  return db.membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}

export function upsertMembership(db: PrismaClient, workspaceId: string, userId: string, role: Role) {
  return db.membership.upsert({
    where: { workspaceId_userId: { workspaceId, userId } },
    create: { workspaceId, userId, role },
    update: { role },
    select: { id: true, role: true },
  });
}
