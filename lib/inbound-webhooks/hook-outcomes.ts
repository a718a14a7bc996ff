import type { DeliveryOutcome } from "@/lib/generated/prisma/client";
import { ERROR_STATUS } from "@/lib/errors/app-error";
import type { VerifyOutcome } from "@/lib/hmac/verify";

// Every way a hook request can end: its HTTP status (a refusal's from the app's one table of
// error statuses, lib/errors/app-error.ts), the reason code written to the delivery log and
// sent as `code`, and the words the builder reads in the log. The message sent to the sender
// never contains a secret or an expected signature.

export const REASONS = {
  accepted: { status: 201, outcome: "accepted", words: "Accepted: a session was created." },
  duplicate: { status: 200, outcome: "duplicate", words: "Repeat of an accepted message id: the original session was returned." },
  url_verification: { status: 200, outcome: "accepted", words: "Answered Slack's url_verification challenge." },
  method_not_allowed: { status: ERROR_STATUS.METHOD_NOT_ALLOWED, outcome: "rejected", words: "Only POST starts a session." },
  not_published: { status: ERROR_STATUS.NOT_FOUND, outcome: "rejected", words: "The workflow has no published version yet." },
  rate_limited: { status: ERROR_STATUS.RATE_LIMITED, outcome: "rejected", words: "Over this hook's rate limit." },
  unsupported_media_type: { status: ERROR_STATUS.UNSUPPORTED_MEDIA_TYPE, outcome: "rejected", words: "Content type is neither JSON nor form-urlencoded (UTF-8)." },
  payload_too_large: { status: ERROR_STATUS.PAYLOAD_TOO_LARGE, outcome: "rejected", words: "Body larger than the limit." },
  body_incomplete: { status: ERROR_STATUS.BAD_REQUEST, outcome: "rejected", words: "The body could not be read to the end (the sender aborted)." },
  signature_malformed: { status: ERROR_STATUS.BAD_REQUEST, outcome: "rejected", words: "The signature header cannot be a signature of this scheme." },
  signature_missing: { status: ERROR_STATUS.UNAUTHENTICATED, outcome: "rejected", words: "The signature header is missing." },
  signature_mismatch: { status: ERROR_STATUS.UNAUTHENTICATED, outcome: "rejected", words: "The signature matches no active secret." },
  timestamp_out_of_tolerance: { status: ERROR_STATUS.UNAUTHENTICATED, outcome: "rejected", words: "The timestamp is outside the tolerance (clock skew or replay)." },
  no_active_secret: { status: ERROR_STATUS.UNAUTHENTICATED, outcome: "rejected", words: "The hook has no active secret." },
  invalid_body: { status: ERROR_STATUS.VALIDATION_FAILED, outcome: "rejected", words: "The verified body is not valid for its content type." },
  required_field_missing: { status: ERROR_STATUS.VALIDATION_FAILED, outcome: "rejected", words: "A required mapped field is missing from the payload." },
  mapping_failed: { status: ERROR_STATUS.VALIDATION_FAILED, outcome: "rejected", words: "A mapped value could not be converted to its field's type." },
  internal_error: { status: ERROR_STATUS.INTERNAL_ERROR, outcome: "rejected", words: "Server fault while handling the request." },
} as const satisfies Record<string, { status: number; outcome: DeliveryOutcome; words: string }>;

export type ReasonCode = keyof typeof REASONS;

/** The codes whose outcome is "rejected": each needs a fix below. */
export type RejectionReason = { [K in ReasonCode]: (typeof REASONS)[K]["outcome"] extends "rejected" ? K : never }[ReasonCode];

// What the builder (or the partner) can do about each rejection, in one sentence. A new
// rejection reason without a fix here is a compile error.
export const REJECTION_FIXES: Record<RejectionReason, string> = {
  method_not_allowed: "Send the request with POST; other methods never start a session.",
  not_published: "Publish the workflow: the live URL answers 404 until a version is live.",
  rate_limited: "Slow the sender down (it should wait the Retry-After seconds), or raise SIGNET_HOOK_RATE_LIMIT.",
  unsupported_media_type: "Send Content-Type: application/json (or application/x-www-form-urlencoded) with a UTF-8 body.",
  payload_too_large: "Send a smaller body, or raise SIGNET_HOOK_BODY_LIMIT if payloads this large are expected.",
  body_incomplete: "The sender closed the connection early: check its timeout and that Content-Length matches the body.",
  signature_malformed: "Format the signature header exactly as the Webhook tab shows it: prefix, encoding and length.",
  signature_missing: "Sign every request and send the signature in the header named on the Webhook tab.",
  signature_mismatch: "Sign the exact raw body bytes with an active secret; a test request's signature debugger shows the difference.",
  timestamp_out_of_tolerance: "Sync the sender's clock (NTP) and sign with the current time; old requests are refused as replays.",
  no_active_secret: "Add a signing secret on the Webhook tab; expired and revoked secrets never verify.",
  invalid_body: "Send a body that parses as its Content-Type: valid JSON, or valid form encoding.",
  required_field_missing: "Include every payload path a required mapping reads, or make that mapping optional.",
  mapping_failed: "Send values that fit the field types (ISO dates, numbers, an option's value), or change the field's type.",
  internal_error: "A fault on Signet's side: check the server log at that time; the sender should retry.",
};

/** The fix for a stored rejection reason, or null for codes that are not rejections (or unknown). */
export function fixForReason(code: string): string | null {
  return Object.hasOwn(REJECTION_FIXES, code) ? REJECTION_FIXES[code as RejectionReason] : null;
}

/** The builder-facing explanation of a stored reason code (codes from older versions included). */
export function reasonInWords(code: string): string {
  return (REASONS as Record<string, { words: string }>)[code]?.words ?? code;
}

export type VerifyFailure = Exclude<VerifyOutcome, { kind: "ok" }>;

export function reasonForVerifyFailure(outcome: VerifyFailure): ReasonCode {
  switch (outcome.kind) {
    case "malformed":
      return "signature_malformed";
    case "missing":
      return "signature_missing";
    case "mismatch":
      return "signature_mismatch";
    case "expired-timestamp":
      return "timestamp_out_of_tolerance";
    case "no-active-secret":
      return "no_active_secret";
  }
}

/** Sender-facing message: 401s say "Authentication failed" plus the verifier's hint. */
export function messageForVerifyFailure(outcome: VerifyFailure): string {
  if (outcome.kind === "malformed") return `Bad signature header: ${outcome.message}`;
  return `Authentication failed: ${outcome.message}`;
}
