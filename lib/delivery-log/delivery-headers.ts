import type { THmacSettings } from "@/lib/hmac/schemas";

// What the delivery log keeps of a request's headers: enough to debug a sender (names,
// content type, timestamps, ids, the start of each signature), never a credential. A full
// signature is not kept so the log cannot be used to replay a request.

const DROPPED = new Set(["cookie", "authorization", "proxy-authorization", "x-api-key"]);
const SIGNATURE_NAME = /signature|hmac|hash|sig$/i;
const MAX_HEADERS = 60;
const MAX_VALUE_CHARS = 512;
export const SIGNATURE_PREVIEW_CHARS = 8;
// A run this long of hex/base64 characters is a signature (timestamps and prefixes are shorter).
const ENCODED_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

/** `t=1700000000,v1=5257a869…`: structure, prefixes and timestamps kept, each signature cut short. */
export function truncateSignature(value: string): string {
  return value.replace(ENCODED_RUN, (run) => `${run.slice(0, SIGNATURE_PREVIEW_CHARS)}…`);
}

export function isSignatureHeader(name: string, settings: THmacSettings | null): boolean {
  if (SIGNATURE_NAME.test(name)) return true;
  if (!settings) return false;
  const configured = settings.scheme === "custom" ? settings.custom.header : "header" in settings ? settings.header : null;
  return configured !== null && configured.toLowerCase() === name.toLowerCase();
}

export function headersForLog(headers: Headers, settings: THmacSettings | null): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of headers) {
    if (count++ >= MAX_HEADERS) break;
    if (DROPPED.has(name)) out[name] = "[redacted]";
    else if (isSignatureHeader(name, settings)) out[name] = truncateSignature(value);
    else out[name] = value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  }
  return out;
}
