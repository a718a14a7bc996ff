import type { THmacSettings } from "@/lib/hmac/schemas";
import { macKey } from "@/lib/hmac/signing-secrets";
import { messageIdOf, timestampOf, type VerifyOutcome } from "@/lib/hmac/verify";

// What the delivery log keeps about a refused request, live ones too: everything that can be
// told at arrival without a secret and without keeping the body (the signature debugger of
// test requests goes further, with both). Computed only when a request is refused, so an
// accepted request pays nothing for it.

export interface RejectionDiagnosis {
  /** The settings the request was judged by; absent when there were none (never published). */
  scheme?: THmacSettings["scheme"];
  algorithm?: THmacSettings["algorithm"];
  /** Why verification failed, and for a malformed header which one and where (0-based position in its value). */
  signature?: { problem: "malformed" | "missing" | "mismatch" | "expired-timestamp" | "no-active-secret"; message: string; header?: string; at?: number };
  /** Server time minus the request's signed timestamp, in seconds (positive: the request is older). */
  timestampSkewSeconds?: number;
  toleranceSeconds?: number;
  /** The body's shape: pretty-printed JSON is the usual cause of a signature over re-serialised JSON. */
  body?: "empty" | "pretty-printed JSON" | "compact JSON" | "form" | "not JSON";
  /** The active secrets verification tried, newest first, by last 4; unusable ones say why. */
  secretsTried?: { last4: string; usable: boolean }[];
  /** The message id the request claimed (unverified), for schemes that carry one. */
  messageId?: string;
}

export interface DiagnosisInput {
  settings: THmacSettings | null;
  headers: Headers;
  bytes: Uint8Array | null;
  receivedAt: Date;
  /** Set when verification ran and failed. */
  verifyFailure: Exclude<VerifyOutcome, { kind: "ok" }> | null;
  /** The active secrets at arrival, when verification ran. */
  secrets: { value: string; last4: string }[] | null;
}

const MAX_ID_CHARS = 256;

export function diagnoseRejection(input: DiagnosisInput): RejectionDiagnosis {
  const { settings } = input;
  const diagnosis: RejectionDiagnosis = {};
  if (settings) {
    diagnosis.scheme = settings.scheme;
    diagnosis.algorithm = settings.algorithm;
    const timestamp = timestampOf(settings, input.headers);
    if (timestamp !== undefined) {
      diagnosis.timestampSkewSeconds = Math.floor(input.receivedAt.getTime() / 1000) - timestamp;
      diagnosis.toleranceSeconds = settings.toleranceSeconds;
    }
    const id = messageIdOf(settings, input.headers);
    if (id !== undefined) diagnosis.messageId = id.slice(0, MAX_ID_CHARS);
  }
  const failure = input.verifyFailure;
  if (failure) {
    diagnosis.signature = { problem: failure.kind, message: failure.message };
    if (failure.kind === "malformed") {
      if (failure.header !== undefined) diagnosis.signature.header = failure.header;
      if (failure.at !== undefined && failure.at >= 0) diagnosis.signature.at = failure.at;
    }
  }
  if (settings && input.secrets) {
    diagnosis.secretsTried = input.secrets.map((secret) => ({ last4: secret.last4, usable: usableKey(settings, secret.value) }));
  }
  if (input.bytes) diagnosis.body = bodyShape(input.bytes, input.headers.get("content-type"));
  return diagnosis;
}

function usableKey(settings: THmacSettings, secret: string): boolean {
  try {
    macKey(settings.scheme, secret);
    return true;
  } catch {
    return false;
  }
}

/**
 * A linear scan, no parsing: JSON text cannot hold a raw line break inside a string, so a line
 * break in a body that opens like JSON is formatting.
 */
function bodyShape(bytes: Uint8Array, contentType: string | null): NonNullable<RejectionDiagnosis["body"]> {
  if (bytes.byteLength === 0) return "empty";
  if (contentType?.toLowerCase().startsWith("application/x-www-form-urlencoded")) return "form";
  let start = 0;
  if (bytes.byteLength >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < bytes.byteLength && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
  const first = bytes[start];
  if (first !== 0x7b && first !== 0x5b) return "not JSON";
  return bytes.indexOf(0x0a, start) === -1 ? "compact JSON" : "pretty-printed JSON";
}
