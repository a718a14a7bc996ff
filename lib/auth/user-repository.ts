import type { PrismaClient } from "@/lib/generated/prisma/client";

export function findUserForSignIn(db: PrismaClient, email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, failedLoginCount: true, lockedUntil: true },
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

/** Atomically counts a failed sign-in and locks the account once the limit is reached. */
export async function recordFailedSignIn(
  db: PrismaClient,
  userId: string,
  opts: { maxAttempts: number; lockSeconds: number; now: Date },
) {
  const updated = await db.user.update({
    where: { id: userId },
    data: { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  if (updated.failedLoginCount >= opts.maxAttempts) {
    await db.user.update({
      where: { id: userId },
      data: { failedLoginCount: 0, lockedUntil: new Date(opts.now.getTime() + opts.lockSeconds * 1000) },
    });
    return { locked: true };
  }
  return { locked: false };
}

export function resetFailedSignIns(db: PrismaClient, userId: string) {
  return db.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null }, select: { id: true } });
}
