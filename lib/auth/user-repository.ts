import type { PrismaClient } from "@/lib/generated/prisma/client";

export function findUserForSignIn(db: PrismaClient, email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
}

export function findUserByEmail(db: PrismaClient, email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
}

export function findUserById(db: PrismaClient, id: string) {
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

/** Creates the user and their personal workspace (as owner) in one transaction. */
export async function createUserWithPersonalWorkspace(
  db: PrismaClient,
  input: { email: string; name?: string; passwordHash: string },
) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name || null, passwordHash: input.passwordHash },
      select: { id: true, email: true },
    });
    const workspace = await tx.workspace.create({
      data: {
        name: input.name ? `${input.name}'s workspace` : "Personal workspace",
        personal: true,
        memberships: { create: { userId: user.id, role: "owner" } },
      },
      select: { id: true },
    });
    return { userId: user.id, email: user.email, workspaceId: workspace.id };
  });
}

/** Sets a new password hash and raises the session version: every session of the user ends. */
export function updatePasswordEndingSessions(db: PrismaClient, userId: string, passwordHash: string) {
  return db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true } });
}

export async function findUserEmails(db: PrismaClient, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  return new Map(rows.map((r) => [r.id, r.email]));
}
