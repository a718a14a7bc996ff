import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findSessionState, insertRevokedSession } from "./auth-session-repository";

// What a browser session's token carries beyond the user id, and the check every request
// makes with it. A signed JWT alone would stay valid until it expires, whatever happens;
// these claims let the server end it earlier: signing out revokes its `sid`, and a password
// change raises the user's session version, which ends every session issued before.

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export interface SessionClaims {
  /** The user id (Auth.js's `sub`). */
  sub?: string;
  /** This session's random id. */
  sid?: unknown;
  /** The user's session version when it was issued. */
  sv?: unknown;
  exp?: number;
}

/** The claims of a new session for a user who just proved their password. */
export function newSessionClaims(sessionVersion: number): { sid: string; sv: number } {
  return { sid: randomBytes(16).toString("base64url"), sv: sessionVersion };
}

/** True while the session may be used: its user exists, it was not signed out, no password change since. */
export async function isSessionCurrent(db: PrismaClient, claims: SessionClaims): Promise<boolean> {
  if (typeof claims.sub !== "string" || typeof claims.sid !== "string" || typeof claims.sv !== "number") return false;
  const state = await findSessionState(db, claims.sub, claims.sid);
  return state !== null && !state.revoked && state.sessionVersion === claims.sv;
}

/** Ends one session (sign-out) until it would have expired on its own. */
export async function revokeSession(db: PrismaClient, claims: SessionClaims, now = new Date()): Promise<void> {
  if (typeof claims.sub !== "string" || typeof claims.sid !== "string") return;
  const expiresAt = new Date(typeof claims.exp === "number" ? claims.exp * 1000 : now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await insertRevokedSession(db, { id: claims.sid, userId: claims.sub, expiresAt }, now);
}
