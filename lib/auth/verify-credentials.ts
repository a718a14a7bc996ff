import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { ZSignIn } from "./schemas";
import { claimSignInAttempt, pruneSignInThrottle, releaseSignInAttempt } from "./sign-in-throttle-repository";
import { findUserForSignIn } from "./user-repository";

export const SIGN_IN_MAX_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string | null; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/** The throttle's key for an email: its SHA-256, so the table holds no address list. */
export function signInThrottleKey(email: string): string {
  return createHash("sha256").update(email).digest("hex");
}

const secondsUntil = (date: Date, now: Date) => Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 1000));

/**
 * Checks an email/password pair. Every attempt is counted in the database *before* the
 * password is checked, and refused unchecked once SIGN_IN_MAX_ATTEMPTS are counted in the
 * current SIGN_IN_WINDOW_SECONDS window: so no burst, on any number of app instances, gets
 * more checks than that. A successful sign-in gives its attempt back. Emails without an
 * account are counted and answered the same way (a dummy hash is checked), so neither the
 * answers nor their timing tell whether an account exists.
 */
export async function verifyCredentials(db: PrismaClient, input: unknown, now = new Date()): Promise<CredentialsResult> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const key = signInThrottleKey(email);

  const claim = await claimSignInAttempt(db, key, { limit: SIGN_IN_MAX_ATTEMPTS, windowMs: SIGN_IN_WINDOW_SECONDS * 1000, now });
  if (!claim.admitted) return { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(claim.windowEndsAt, now) };

  const user = await findUserForSignIn(db, email);
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);
  // One line per password check (never the email or password): what lockout tests count.
  logger.info("password_checked", { ok: passwordOk });
  if (passwordOk && user) {
    await releaseSignInAttempt(db, key);
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
  }
  await pruneSignInThrottle(db, now).catch((error: unknown) => logger.warn("sign_in_throttle_prune_failed", { error }));
  if (claim.attempts >= SIGN_IN_MAX_ATTEMPTS) return { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(claim.windowEndsAt, now) };
  return { ok: false, reason: "invalid" };
}
