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
