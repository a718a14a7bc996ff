import { randomBytes } from "node:crypto";
import type { THmacScheme } from "./schemas";
import { SCHEMES } from "./schemes";

// Secrets: generation, validation of pasted ones, and the key-bytes rule of SPEC §3 — every
// scheme keys the HMAC with the UTF-8 bytes of the whole secret (a `whsec_` prefix included,
// as Stripe does) except Standard Webhooks, which uses the base64-decoded bytes after `whsec_`.

export const WHSEC_PREFIX = "whsec_";
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const MIN_SECRET_LENGTH = 8;
export const MAX_SECRET_LENGTH = 512;
export const RECOMMENDED_SECRET_BITS = 128;

export type SecretFormat = "whsec" | "alphanumeric";

export function generateSecret(format: SecretFormat = "whsec"): string {
  if (format === "whsec") return WHSEC_PREFIX + randomBytes(32).toString("base64");
  // Rejection sampling keeps the 62 characters equally likely (248 = 4 × 62).
  let out = "";
  while (out.length < 20) {
    for (const byte of randomBytes(32)) {
      if (byte < 248 && out.length < 20) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

export type PastedSecretResult = { ok: true; value: string; warnings: string[] } | { ok: false; error: string };

export function validatePastedSecret(raw: string): PastedSecretResult {
  const warnings: string[] = [];
  const value = raw.trim();
  if (value !== raw) warnings.push("Removed whitespace around the secret (often a trailing newline from copying).");
  if (value.length === 0) return { ok: false, error: "The secret is empty." };
  if (value.length < MIN_SECRET_LENGTH) return { ok: false, error: `The secret must be at least ${MIN_SECRET_LENGTH} characters.` };
  if (value.length > MAX_SECRET_LENGTH) return { ok: false, error: `The secret must be at most ${MAX_SECRET_LENGTH} characters.` };
  let spaces = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 126) return { ok: false, error: "The secret may contain only printable ASCII characters (non-ASCII usually comes from copying a formatted page)." };
    if (c < 32 || c === 127) return { ok: false, error: "The secret contains a line break, tab or other control character." };
    if (c === 32) spaces = true;
  }
  if (spaces) warnings.push("The secret contains spaces; make sure the sender uses exactly the same text.");
  if (value.startsWith(WHSEC_PREFIX)) {
    const bytes = decodeStrictBase64(value.slice(WHSEC_PREFIX.length));
    if (!bytes) return { ok: false, error: `A secret starting with "${WHSEC_PREFIX}" must continue with base64 (Standard Webhooks format).` };
  }
  const bits = estimateSecretBits(value);
  if (bits < RECOMMENDED_SECRET_BITS) {
    warnings.push(`The secret has about ${Math.floor(bits)} bits of strength; at least ${RECOMMENDED_SECRET_BITS} are recommended (e.g. a generated whsec_ secret).`);
  }
  return { ok: true, value, warnings };
}

/**
 * An upper estimate of the strength: random bytes for `whsec_` secrets, otherwise length ×
 * log2 of the alphabet the characters come from (hex, alphanumeric, printable).
 */
export function estimateSecretBits(secret: string): number {
  if (secret.startsWith(WHSEC_PREFIX)) {
    const bytes = decodeStrictBase64(secret.slice(WHSEC_PREFIX.length));
    if (bytes) return bytes.length * 8;
  }
  let hex = true;
  let alphanumeric = true;
  for (let i = 0; i < secret.length; i++) {
    const c = secret.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const lower = c >= 97 && c <= 122;
    const upper = c >= 65 && c <= 90;
    if (!(digit || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) hex = false;
    if (!(digit || lower || upper)) alphanumeric = false;
  }
  const alphabet = hex ? 16 : alphanumeric ? 62 : 95;
  return secret.length * Math.log2(alphabet);
}

/** The HMAC key bytes for a scheme (SPEC §3). Throws when a Standard Webhooks secret is not base64. */
export function secretKeyBytes(scheme: THmacScheme, secret: string): Uint8Array {
  const key = macKey(scheme, secret);
  return typeof key === "string" ? Buffer.from(key, "utf8") : key;
}

/**
 * The key as createHmac takes it: the secret string itself where the key is its UTF-8 bytes
 * (no copy on the hot path), decoded bytes for Standard Webhooks.
 */
export function macKey(scheme: THmacScheme, secret: string): string | Uint8Array {
  if (SCHEMES[scheme].keyBytes === "utf8") return secret;
  const encoded = secret.startsWith(WHSEC_PREFIX) ? secret.slice(WHSEC_PREFIX.length) : secret;
  const bytes = decodeStrictBase64(encoded);
  if (!bytes) throw new Error("This Standard Webhooks secret is not base64 after whsec_.");
  return bytes;
}

/** The last 4 characters, the only part shown after creation. */
export function secretLast4(secret: string): string {
  return secret.slice(-4);
}

export const KEY_BYTES_RULE: Readonly<Record<THmacScheme, string>> = Object.fromEntries(
  (Object.keys(SCHEMES) as THmacScheme[]).map((scheme) => [
    scheme,
    SCHEMES[scheme].keyBytes === "utf8"
      ? "The HMAC key is the secret exactly as shown, as UTF-8 bytes (a whsec_ prefix included)."
      : "The HMAC key is the base64-decoded part after whsec_, as Standard Webhooks specifies.",
  ]),
) as Record<THmacScheme, string>;

export function keyBytesRule(scheme: THmacScheme): string {
  return KEY_BYTES_RULE[scheme];
}

/** Standard base64, padding optional; null on any other character or a non-empty remainder. */
function decodeStrictBase64(value: string): Buffer | null {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 61 && value.length - end < 2) end--;
  if (end === 0 || end % 4 === 1) return null;
  if (end !== value.length && value.length % 4 !== 0) return null;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) return null;
  }
  return Buffer.from(value.slice(0, end), "base64");
}
