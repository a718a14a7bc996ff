import { randomBytes } from "node:crypto";
import type { THmacScheme } from "./schemas";
import { SCHEMES } from "./schemes";
import { checkPastedSecretText, secretFitProblem, strictBase64ByteLength, WHSEC_PREFIX } from "./secret-rules";

// Secrets: generation, validation of pasted ones, and the key-bytes rule: every
// scheme keys the HMAC with the UTF-8 bytes of the whole secret (a `whsec_` prefix included,
// as Stripe does) except Standard Webhooks, which uses the base64-decoded bytes after `whsec_`.

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

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

/** Formats a scheme can generate: Standard Webhooks keys only with whsec_ secrets. */
export function formatsFor(scheme: THmacScheme): SecretFormat[] {
  return scheme === "standard-webhooks" ? ["whsec"] : ["whsec", "alphanumeric"];
}

export type PastedSecretResult = { ok: true; value: string; warnings: string[] } | { ok: false; error: string };

/**
 * A pasted secret checked for what needs no estimate: text (length, printable ASCII, the
 * whitespace a copy adds) and the key rule of every scheme it must serve. Strength is
 * assessed separately (secret-strength.ts), as it loads dictionaries.
 */
export function validatePastedSecret(raw: string, schemes: THmacScheme[] = []): PastedSecretResult {
  const text = checkPastedSecretText(raw);
  if (!text.ok) return text;
  for (const scheme of new Set(schemes)) {
    const problem = secretFitProblem(scheme, text.value);
    if (problem) return { ok: false, error: problem };
  }
  return text;
}

/** The HMAC key bytes for a scheme (docs/webhook-contract.md, "Key bytes"). Throws when a Standard Webhooks secret is not base64. */
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
  return strictBase64ByteLength(value) === null ? null : Buffer.from(value, "base64");
}
