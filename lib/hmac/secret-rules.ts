import type { THmacScheme } from "./schemas";

// What makes a secret usable as an HMAC key for a scheme, without any Node API, so the
// builder's browser form and the server check a pasted secret with the same code.
// Every scheme keys the HMAC with the UTF-8 bytes of the whole secret (a `whsec_` prefix
// included, as Stripe does), except Standard Webhooks: its key is the base64-decoded part
// after `whsec_`, and its libraries expect 24 to 64 bytes there.

export const WHSEC_PREFIX = "whsec_";
export const MIN_SECRET_LENGTH = 8;
export const MAX_SECRET_LENGTH = 512;
export const STANDARD_WEBHOOKS_MIN_KEY_BYTES = 24;
export const STANDARD_WEBHOOKS_MAX_KEY_BYTES = 64;

/** The key rule of each scheme, in the words the builder reads next to the secret. */
export function secretRule(scheme: THmacScheme): string {
  return scheme === "standard-webhooks"
    ? `Standard Webhooks secrets are ${WHSEC_PREFIX} followed by base64 of ${STANDARD_WEBHOOKS_MIN_KEY_BYTES}–${STANDARD_WEBHOOKS_MAX_KEY_BYTES} bytes (e.g. a generated one).`
    : `Any ${MIN_SECRET_LENGTH}–${MAX_SECRET_LENGTH} printable ASCII characters; the HMAC key is the secret exactly as shown.`;
}

/**
 * How many bytes a strict standard-base64 string decodes to (padding optional), or null for
 * any other character or an impossible length. Counts only: no decoding, no Buffer.
 */
export function strictBase64ByteLength(value: string): number | null {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 61 /* = */ && value.length - end < 2) end--;
  if (end === 0 || end % 4 === 1) return null;
  if (end !== value.length && value.length % 4 !== 0) return null;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) return null;
  }
  return Math.floor((end * 3) / 4);
}

/** Why `value` cannot be a key of `scheme`, or null when it fits. Assumes a trimmed value. */
export function secretFitProblem(scheme: THmacScheme, value: string): string | null {
  if (scheme !== "standard-webhooks") return null;
  if (!value.startsWith(WHSEC_PREFIX)) return `This secret does not start with ${WHSEC_PREFIX}. ${secretRule(scheme)}`;
  const bytes = strictBase64ByteLength(value.slice(WHSEC_PREFIX.length));
  if (bytes === null) return `The part after ${WHSEC_PREFIX} is not base64. ${secretRule(scheme)}`;
  if (bytes < STANDARD_WEBHOOKS_MIN_KEY_BYTES || bytes > STANDARD_WEBHOOKS_MAX_KEY_BYTES) {
    return `The part after ${WHSEC_PREFIX} decodes to ${bytes} bytes. ${secretRule(scheme)}`;
  }
  return null;
}

/** Bytes of the base64 key after `whsec_`, or null when the secret is not of that form (stored beside the secret). */
export function whsecKeyBytes(value: string): number | null {
  return value.startsWith(WHSEC_PREFIX) ? strictBase64ByteLength(value.slice(WHSEC_PREFIX.length)) : null;
}

/** The same rule as secretFitProblem, judged from the stored shape of a secret (no decryption). */
export function storedSecretFits(scheme: THmacScheme, shape: { whsecKeyBytes: number | null }): boolean {
  if (scheme !== "standard-webhooks") return true;
  const bytes = shape.whsecKeyBytes;
  return bytes !== null && bytes >= STANDARD_WEBHOOKS_MIN_KEY_BYTES && bytes <= STANDARD_WEBHOOKS_MAX_KEY_BYTES;
}

/**
 * Problems of a pasted value that no scheme accepts (length, characters), after trimming the
 * whitespace a copy often adds. Warnings are for the builder to read; an error refuses.
 */
export function checkPastedSecretText(raw: string): { ok: true; value: string; warnings: string[] } | { ok: false; error: string } {
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
  return { ok: true, value, warnings };
}
