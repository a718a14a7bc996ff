import { createHash } from "node:crypto";
import type { THmacSettings } from "@/lib/hmac/schemas";
import { expectedSignatures, timestampOf, type HmacSecret } from "@/lib/hmac/verify";
import { isSignatureHeader, truncateSignature } from "./delivery-headers";

// The signature debugger of a test delivery: what was received, what each active
// secret would have produced, and hints for the usual causes. Only for test deliveries and
// only for editors — callers enforce both — because expected signatures are sensitive.

export interface DebuggerSecret extends HmacSecret {
  last4: string;
}

export interface SignatureDebug {
  bodyLength: number;
  bodySha256: string;
  received: Record<string, string>;
  problem?: string;
  expected: { secretId: string; last4: string; headers: Record<string, string> }[];
  hints: string[];
}

export interface DebugInput {
  settings: THmacSettings;
  secrets: DebuggerSecret[];
  body: Uint8Array;
  /** Stored (truncated) request headers of the delivery. */
  headers: Record<string, string>;
  reasonCode: string;
  receivedAt: Date;
  now: Date;
}

const BOM = [0xef, 0xbb, 0xbf];
const encoder = new TextEncoder();

function receivedSignatureHeaders(headers: Record<string, string>, settings: THmacSettings): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => isSignatureHeader(name, settings)));
}

/** True when some secret's signature over `body` looks exactly like what was received (as truncated). */
function variantMatches(input: DebugInput, body: Uint8Array, received: Record<string, string>): string | null {
  const { expected } = expectedSignatures({ settings: input.settings, headers: input.headers, body, secrets: input.secrets, now: input.now });
  for (const entry of expected) {
    const matches = Object.entries(entry.headers).some(([name, value]) => {
      const got = received[name.toLowerCase()];
      return got !== undefined && isSignatureHeader(name, input.settings) && truncateSignature(value) === got;
    });
    if (matches) return input.secrets.find((s) => s.id === entry.secretId)?.last4 ?? "";
  }
  return null;
}

function hintsFor(input: DebugInput, text: string | null, received: Record<string, string>): string[] {
  const hints: string[] = [];
  const { body } = input;
  const failed = input.reasonCode !== "accepted" && input.reasonCode !== "duplicate" && input.reasonCode !== "url_verification";

  if (input.reasonCode === "timestamp_out_of_tolerance" || input.reasonCode === "signature_mismatch") {
    // The scheme's own reading of its timestamp header (Stripe's t= included), as verification does.
    const timestamp = timestampOf(input.settings, input.headers);
    if (timestamp !== undefined) {
      const skew = Math.round(input.receivedAt.getTime() / 1000) - timestamp;
      if (Math.abs(skew) > Math.min(60, input.settings.toleranceSeconds)) {
        hints.push(`Clock skew: the request's timestamp is ${Math.abs(skew)} s ${skew > 0 ? "behind" : "ahead of"} the server (tolerance ${input.settings.toleranceSeconds} s). Sync the sender's clock (NTP) and sign with the current time.`);
      }
    }
  }
  if (body.length >= 3 && BOM.every((b, i) => body[i] === b)) {
    hints.push("The body starts with a UTF-8 byte order mark (EF BB BF). Sign exactly the bytes you send, BOM included — or better, don't send a BOM.");
  }
  if (text !== null && /\\u[0-9a-fA-F]{4}/.test(text)) {
    hints.push("The body contains \\u escapes. If the sender signed the unescaped text (or another serialiser escaped differently), the bytes differ: sign the exact string you send.");
  }
  if (body.some((b) => b > 0x7f)) {
    hints.push("The body contains non-ASCII characters. The signature must be computed over the UTF-8 bytes as sent (not a Latin-1 or UTF-16 string, not after re-encoding).");
  }
  if (text !== null && /\r?\n$/.test(text)) {
    hints.push("The body ends with a newline. Some tools add or strip one; sign the body exactly as sent.");
  }
  if (failed && text !== null) {
    let minified: string | null = null;
    try {
      minified = JSON.stringify(JSON.parse(text));
    } catch {
      minified = null;
    }
    if (minified !== null && minified !== text && /\n\s/.test(text)) {
      hints.push("The body is pretty-printed JSON. If the sender signed a minified version (or re-serialised the object), the bytes differ: sign the exact string you send.");
    }
    const variants: [string, Uint8Array][] = [];
    if (minified !== null && minified !== text) variants.push(["the minified JSON of this body", encoder.encode(minified)]);
    if (/\r?\n$/.test(text)) variants.push(["this body without its trailing newline", encoder.encode(text.replace(/\r?\n$/, ""))]);
    else variants.push(["this body with a trailing newline", encoder.encode(`${text}\n`)]);
    if (text.startsWith("\uFEFF") || (body.length >= 3 && BOM.every((b, i) => body[i] === b))) variants.push(["this body without the BOM", body.subarray(3)]);
    for (const [label, bytes] of variants) {
      const last4 = variantMatches(input, bytes, received);
      if (last4 !== null) hints.unshift(`Found it: the received signature matches ${label} (secret …${last4}). The sender signed different bytes than it sent.`);
    }
  }
  const found = hints.some((hint) => hint.startsWith("Found it"));
  if (input.reasonCode === "signature_mismatch" && !found) {
    hints.push("Compare the received signature with the expected ones below. If none starts the same, the sender uses another secret: check the last 4 characters, and that the sender's copy has no trailing newline or spaces (e.g. read from a file or an environment variable).");
  }
  if (input.reasonCode === "no_active_secret") hints.push("This hook has no active secret: add one, or check that the last one was not revoked or expired.");
  return hints;
}

export function debugSignature(input: DebugInput): SignatureDebug {
  const received = receivedSignatureHeaders(input.headers, input.settings);
  let text: string | null;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input.body);
  } catch {
    text = null;
  }
  const result = expectedSignatures({ settings: input.settings, headers: input.headers, body: input.body, secrets: input.secrets, now: input.now });
  return {
    bodyLength: input.body.byteLength,
    bodySha256: createHash("sha256").update(input.body).digest("hex"),
    received,
    problem: result.problem,
    expected: result.expected.map((e) => ({ ...e, last4: input.secrets.find((s) => s.id === e.secretId)?.last4 ?? "" })),
    hints: hintsFor(input, text, received),
  };
}
