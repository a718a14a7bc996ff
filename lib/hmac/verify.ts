import { timingSafeEqual } from "node:crypto";
import { createMac } from "./algorithms";
import type { HeaderInput } from "./headers";
import type { THmacSettings } from "./schemas";
import { schemeFor, type SigningContext } from "./schemes";
import type { MalformedOutcome } from "./schemes/types";
import { macKey } from "./signing-secrets";
import { computeSignature } from "./sign";

// Verification of an incoming webhook over its exact raw body bytes. Order: read and decode the
// header(s) (missing / malformed → the request is wrong whatever the secrets), then the replay
// window, then the secrets; each active secret's HMAC is computed once and compared in
// constant time with every received signature. Nothing here throws on request input.

export interface HmacSecret {
  id: string;
  value: string;
  expiresAt?: Date | null;
  revokedAt?: Date | null;
}

export type VerifyOutcome =
  | { kind: "ok"; secretId: string; timestamp?: number; messageId?: string }
  | MalformedOutcome
  | { kind: "missing"; message: string }
  | { kind: "mismatch"; message: string; timestamp?: number; messageId?: string }
  | { kind: "expired-timestamp"; message: string }
  | { kind: "no-active-secret"; message: string };

export interface VerifyInput {
  settings: THmacSettings;
  headers: HeaderInput;
  body: Uint8Array;
  secrets: HmacSecret[];
  /** The clock; defaults to now. */
  now?: Date;
}

/** Revoked secrets never verify; expired ones stop at their expiry instant. */
export function isSecretActive(secret: HmacSecret, now: Date): boolean {
  return isActiveAt(secret, now.getTime());
}

function isActiveAt(secret: HmacSecret, nowMs: number): boolean {
  if (!secret.value || secret.revokedAt) return false;
  return !secret.expiresAt || secret.expiresAt.getTime() > nowMs;
}

export function verifySignature(input: VerifyInput): VerifyOutcome {
  const { settings, body } = input;
  const scheme = schemeFor(settings);
  const parsed = scheme.parse(settings, input.headers);
  if (parsed.kind !== "parsed") return parsed;
  const { signatures, timestamp, messageId, emptyReason, context } = parsed.request;

  const nowMs = input.now ? input.now.getTime() : Date.now();
  if (timestamp) {
    const skew = Math.floor(nowMs / 1000) - timestamp.seconds;
    if (Math.abs(skew) > settings.toleranceSeconds) {
      return {
        kind: "expired-timestamp",
        message: `The request timestamp is ${Math.abs(skew)} s ${skew > 0 ? "in the past" : "in the future"}; at most ${settings.toleranceSeconds} s is accepted. Check the sender's clock or a replay.`,
      };
    }
  }

  const ts = timestamp?.seconds;
  let active = 0;
  for (const secret of input.secrets) {
    if (!isActiveAt(secret, nowMs)) continue;
    let key: string | Uint8Array;
    try {
      key = macKey(settings.scheme, secret.value);
    } catch {
      continue; // A stored secret this scheme cannot use (not base64 for Standard Webhooks).
    }
    active++;
    if (signatures.length === 0) continue;
    const mac = createMac(settings.algorithm, key);
    scheme.writeSignedContent(settings, mac, body, context);
    const expected = mac.digest();
    for (const signature of signatures) {
      // Lengths were checked while decoding; the guard keeps timingSafeEqual from throwing.
      if (signature.length === expected.length && timingSafeEqual(signature, expected)) {
        return { kind: "ok", secretId: secret.id, timestamp: ts, messageId };
      }
    }
  }
  if (active === 0) {
    return { kind: "no-active-secret", message: "This hook has no active signing secret; add one in the hook's settings." };
  }
  return {
    kind: "mismatch",
    message:
      emptyReason ??
      (signatures.length > 1
        ? "None of the signatures matches an active secret. Sign the exact raw body with the current secret."
        : "The signature does not match an active secret. Sign the exact raw body with the current secret."),
    timestamp: ts,
    messageId,
  };
}

/** The timestamp and message id a request carries for this scheme, read leniently. */
export function signingContextOf(settings: THmacSettings, headers: HeaderInput): SigningContext {
  const scheme = schemeFor(settings);
  return scheme.readContext ? scheme.readContext(settings, headers) : {};
}

export function messageIdOf(settings: THmacSettings, headers: HeaderInput): string | undefined {
  return signingContextOf(settings, headers).id;
}

/** The request's timestamp in unix seconds, if the scheme has one and it parses. */
export function timestampOf(settings: THmacSettings, headers: HeaderInput): number | undefined {
  const raw = signingContextOf(settings, headers).timestamp;
  if (raw === undefined || !/^\d{1,12}$/.test(raw)) return undefined;
  return Number(raw);
}

export interface ExpectedSignatures {
  /** Timestamp and id taken from the request, as they are signed. */
  context: SigningContext;
  /** Set when a value the signature covers is absent, so nothing can be computed. */
  problem?: string;
  /** Per active secret, the header value(s) a correct sender would have sent. */
  expected: { secretId: string; headers: Record<string, string> }[];
}

/**
 * For the signature debugger (test mode, builder only): what each active secret would have
 * produced for this request. Never use it to decide whether a request is valid.
 */
export function expectedSignatures(input: VerifyInput): ExpectedSignatures {
  const { settings, body } = input;
  const scheme = schemeFor(settings);
  const context = signingContextOf(settings, input.headers);
  const needs = scheme.needs(settings);
  const lacking = [needs.timestamp && context.timestamp === undefined && "timestamp", needs.id && context.id === undefined && "message id"].filter(Boolean);
  if (lacking.length > 0) {
    return { context, problem: `The request has no ${lacking.join(" or ")}, which the signature covers.`, expected: [] };
  }
  const now = input.now ?? new Date();
  const expected: ExpectedSignatures["expected"] = [];
  for (const secret of input.secrets) {
    if (!isSecretActive(secret, now)) continue;
    try {
      const signature = computeSignature(settings, secret.value, body, context);
      expected.push({ secretId: secret.id, headers: scheme.formatHeaders(settings, [signature], context) });
    } catch {
      // Unusable secret for this scheme: verification skips it too.
    }
  }
  return { context, expected };
}
