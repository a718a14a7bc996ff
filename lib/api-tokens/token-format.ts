import { createHash, randomBytes } from "node:crypto";

// Tokens are 256 bits of randomness behind a recognisable prefix (so secret scanners and
// humans can tell what leaked). Only their SHA-256 is stored: with that much entropy a fast
// hash is enough, and it lets a request find its token with one indexed lookup.

export const API_TOKEN_PREFIX = "sig_";
const TOKEN_SHAPE = /^sig_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function apiTokenLast4(token: string): string {
  return token.slice(-4);
}

/** Cheap shape check before touching the database. */
export function looksLikeApiToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
