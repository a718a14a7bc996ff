// Strict decoders for received signatures. Buffer.from(s, "hex"/"base64") silently skips or
// truncates bad input, so the characters and the length are checked first, in one linear pass
// (no regular expressions on attacker input).

export type SignatureEncoding = "hex" | "base64" | "base64url";

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isBase64(c: number, url: boolean): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  return url ? c === 45 || c === 95 : c === 43 || c === 47;
}

export type DecodeResult = { ok: true; bytes: Buffer } | { ok: false; reason: "bad-encoding" | "wrong-length" };

const BAD_ENCODING = { ok: false, reason: "bad-encoding" } as const;
const WRONG_LENGTH = { ok: false, reason: "wrong-length" } as const;

/** Decodes `value[start..]` as a signature of exactly `bytes` bytes. Hex in either case. */
export function decodeSignature(value: string, start: number, encoding: SignatureEncoding, bytes: number): DecodeResult {
  const length = value.length - start;
  if (encoding === "hex") {
    for (let i = start; i < value.length; i++) if (!isHex(value.charCodeAt(i))) return BAD_ENCODING;
    if (length !== bytes * 2) return WRONG_LENGTH;
    return { ok: true, bytes: Buffer.from(start === 0 ? value : value.slice(start), "hex") };
  }
  const url = encoding === "base64url";
  // Padding is optional for both alphabets, but when present it must be complete.
  let end = value.length;
  while (end > start && value.charCodeAt(end - 1) === 61 /* = */ && value.length - end < 2) end--;
  for (let i = start; i < end; i++) if (!isBase64(value.charCodeAt(i), url)) return BAD_ENCODING;
  const padded = end !== value.length;
  if (padded && length % 4 !== 0) return BAD_ENCODING;
  if (end - start !== Math.ceil((bytes * 4) / 3)) return WRONG_LENGTH;
  const decoded = Buffer.from(value.slice(start, end), url ? "base64url" : "base64");
  return decoded.length === bytes ? { ok: true, bytes: decoded } : WRONG_LENGTH;
}

export function encodeSignature(signature: Uint8Array, encoding: SignatureEncoding): string {
  const buffer = Buffer.isBuffer(signature) ? signature : Buffer.from(signature.buffer, signature.byteOffset, signature.length);
  return buffer.toString(encoding);
}

/** Unix seconds as decimal digits only (no sign, no exponent, no spaces), at most 12 digits. */
export function parseUnixSeconds(raw: string): number | undefined {
  if (raw.length === 0 || raw.length > 12) return undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(raw);
}

/** True when the string holds a space, tab or other ASCII control character. */
export function hasWhitespaceOrControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 32 || c === 127) return true;
  }
  return false;
}

/** Index of `char` in value[start, end), or -1: never scans past the current entry. */
export function indexWithin(value: string, char: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (value.charCodeAt(i) === char) return i;
  return -1;
}
