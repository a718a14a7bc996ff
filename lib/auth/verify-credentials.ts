import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { ZSignIn } from "./schemas";
import { findUserForSignIn, recordFailedSignIn, resetFailedSignIns } from "./user-repository";

export const SIGN_IN_MAX_ATTEMPTS = 5;
export const SIGN_IN_LOCK_SECONDS = 15 * 60;

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * Checks an email/password pair with per-account lockout: after SIGN_IN_MAX_ATTEMPTS failures
 * the account refuses sign-in for SIGN_IN_LOCK_SECONDS. State lives in the database so the
 * lockout holds across app instances.
 */
export async function verifyCredentials(db: PrismaClient, input: unknown, now = new Date()): Promise<CredentialsResult> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const user = await findUserForSignIn(db, email);
  if (!user) {
    await verifyAgainstDummy(password);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000) };
  }
  const passwordOk = await verifyPassword(user.passwordHash, password);
  // One line per password check (never the email or password): what lockout tests count.
  logger.info("password_checked", { ok: passwordOk });
  if (!passwordOk) {
    const { locked } = await recordFailedSignIn(db, user.id, {
      maxAttempts: SIGN_IN_MAX_ATTEMPTS,
      lockSeconds: SIGN_IN_LOCK_SECONDS,
      now,
    });
    return locked ? { ok: false, reason: "locked", retryAfterSeconds: SIGN_IN_LOCK_SECONDS } : { ok: false, reason: "invalid" };
  }
  if (user.failedLoginCount > 0 || user.lockedUntil) await resetFailedSignIns(db, user.id);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
