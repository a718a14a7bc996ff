import { randomBytes } from "node:crypto";

/** The participant's capability for /s/{token}: 256 random bits, URL-safe. */
export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sessionUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/s/${token}`;
}
