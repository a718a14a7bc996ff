import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "./authorize";
import { hashPassword } from "./password";
import { ZChangePassword } from "./schemas";
import { findUserById, updatePasswordEndingSessions } from "./user-repository";
import { verifyCredentials } from "./verify-credentials";

/**
 * Changes the signed-in user's password. The current password is checked exactly like a
 * sign-in (counted by the same lockout), so a stolen browser session is no unthrottled way to
 * guess it. The change raises the session version: every session of the user ends, the
 * caller's too (the action signs it in again with the new password).
 */
export async function changePassword(db: PrismaClient, actor: Actor | null, input: unknown, now = new Date()): Promise<{ email: string }> {
  if (!actor || actor.tokenId) throw new AppError("UNAUTHENTICATED", "Sign in to continue.", { reason: "unauthenticated" });
  const data = ZChangePassword.parse(input);
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.", { reason: "unauthenticated" });
  const check = await verifyCredentials(db, { email: user.email, password: data.currentPassword }, now);
  if (!check.ok && check.reason === "locked") {
    throw new AppError("RATE_LIMITED", "Too many failed attempts. Password changes are locked for up to 15 minutes; try again later.", { reason: "locked" });
  }
  if (!check.ok || check.user.id !== user.id) {
    throw new AppError("VALIDATION_FAILED", "Your current password is not right.", {
      reason: "wrong_password",
      issues: [{ path: ["currentPassword"], message: "This is not your current password" }],
    });
  }
  await updatePasswordEndingSessions(db, user.id, await hashPassword(data.newPassword));
  return { email: user.email };
}
