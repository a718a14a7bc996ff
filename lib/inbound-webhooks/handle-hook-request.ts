import type { Prisma } from "@/lib/generated/prisma/client";
import { ERROR_STATUS } from "@/lib/errors/app-error";
import { INTERNAL_ERROR_BODY } from "@/lib/errors/http";
import { verifySignature } from "@/lib/hmac/verify";
import { logger } from "@/lib/log/logger";
import { sessionUrl } from "@/lib/sessions/session-token";
import { applyMapping, REQUIRED_MAPPED_FIELD_MISSING } from "@/lib/workflows/mapping";
import { createHookSession } from "./create-hook-session";
import { messageForVerifyFailure, reasonForVerifyFailure, REASONS, type ReasonCode } from "./hook-outcomes";
import type { HookDeps, HookRequest, HookResponse, HookSuccessBody, HookWarning } from "./hook-types";
import { messageIdFromBody } from "./message-id-from-body";
import { findDraftTarget } from "./draft-target";
import { findHookTarget } from "./hook-target";
import { testHmacSettings } from "@/lib/workflows/test-hmac-settings";
import { parseBody, unsupportedContentType } from "./parse-body";
import { declaredLength, readBodyWithLimit } from "../http/read-body";
import { recordRejection, type DeliveryContext } from "./record-delivery";
import { isLookupKey } from "../db/lookup-key";
import { keepTestBody } from "../delivery-log/test-payload-quota";
import { noteLiveVerification } from "./secret-usage";
import { slackChallenge } from "./slack-challenge";
import { observeHookResponse } from "./hook-metrics";

export type { HookDeps, HookRequest, HookResponse } from "./hook-types";

const MAX_HOOK_ID_LENGTH = 128;
const JSON_HEADERS = { "Cache-Control": "no-store" };
// An unknown hook and an unpublished one answer alike: the sender learns nothing about which.
const UNKNOWN_WEBHOOK = { error: "Unknown webhook.", code: "not_found" };

function reply(status: number, body: unknown, headers: Record<string, string> = {}): HookResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body };
}

function refusal(reason: ReasonCode, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): HookResponse {
  return reply(REASONS[reason].status, { error, code: reason, ...extra }, headers);
}

/**
 * POST /api/hooks/{hookId}[?test=true]: method → hook → rate limit → content type → body cap
 * → signature → parse → mapping → session. Every request to a known hook leaves one
 * delivery row; a 2xx is returned only after the session is committed. Never throws: an
 * unexpected fault becomes a generic 500 with the detail only in the log.
 */
export async function handleHookRequest(deps: HookDeps, request: HookRequest): Promise<HookResponse> {
  const startedMs = performance.now();
  const receivedAt = deps.now?.() ?? new Date();
  let ctx: DeliveryContext | null = null;
  let response: HookResponse;
  try {
    response = await pipeline(deps, request, receivedAt, startedMs, (c) => (ctx = c));
  } catch (error) {
    logger.error("hook_request_failed", { hookId: request.hookId.slice(0, MAX_HOOK_ID_LENGTH), error });
    if (ctx) await recordRejection(deps.db, ctx, "internal_error");
    response = reply(REASONS.internal_error.status, INTERNAL_ERROR_BODY);
  }
  observeHookResponse(response, startedMs);
  return response;
}

async function pipeline(
  deps: HookDeps,
  request: HookRequest,
  receivedAt: Date,
  startedMs: number,
  expose: (ctx: DeliveryContext) => void,
): Promise<HookResponse> {
  const { db } = deps;
  const methodAllowed = request.method.toUpperCase() === "POST";
  const workflow =
    isLookupKey(request.hookId) && request.hookId.length <= MAX_HOOK_ID_LENGTH ? await findHookTarget(db, request.hookId, receivedAt, deps.config.appKeys) : null;

  if (!workflow) {
    // No workflow, so no delivery row to write; the structured log keeps the trace.
    logger.info("hook_unknown", { hookId: request.hookId.slice(0, MAX_HOOK_ID_LENGTH), method: request.method });
    if (!methodAllowed) return refusal("method_not_allowed", "Use POST to start a session.", {}, { Allow: "POST" });
    return reply(ERROR_STATUS.NOT_FOUND, UNKNOWN_WEBHOOK);
  }

  const declaredBytes = declaredLength(request.headers) ?? 0;
  const live = workflow.liveVersion;
  const ctx: DeliveryContext = {
    workflowId: workflow.id,
    test: request.test,
    receivedAt,
    startedMs,
    headers: request.headers,
    settings: live?.definition.trigger.hmac ?? null,
    bytes: null,
    receivedBytes: declaredBytes,
    secret: null,
    messageId: null,
  };
  expose(ctx);
  const reject = async (reason: ReasonCode, error: string, extra?: Record<string, unknown>, headers?: Record<string, string>) => {
    await recordRejection(db, ctx, reason);
    return refusal(reason, error, extra, headers);
  };

  if (!methodAllowed) return reject("method_not_allowed", "Use POST to start a session.", {}, { Allow: "POST" });
  // Live requests run against the published version only; test requests against the draft
  // as it is now (frozen in a test snapshot), verified never more weakly than live.
  const target = request.test ? await findDraftTarget(db, workflow.id) : live;
  if (!target) {
    await recordRejection(db, ctx, "not_published");
    return reply(ERROR_STATUS.NOT_FOUND, UNKNOWN_WEBHOOK);
  }
  const definition = target.definition;
  const settings = request.test ? testHmacSettings(definition.trigger.hmac, live?.definition.trigger.hmac ?? null) : definition.trigger.hmac;
  ctx.settings = settings;

  const limit = await deps.rateLimiter.take(workflow.id);
  if (!limit.allowed) {
    return reject("rate_limited", "Too many requests to this webhook; retry later.", {}, { "Retry-After": String(limit.retryAfterSeconds) });
  }

  const contentType = request.headers.get("content-type");
  const mediaProblem = unsupportedContentType(contentType);
  if (mediaProblem) return reject("unsupported_media_type", mediaProblem);

  const maxBytes = deps.config.hookBodyLimitBytes;
  const tooLarge = `The body is larger than ${maxBytes} bytes.`;
  if (declaredBytes > maxBytes) return reject("payload_too_large", tooLarge);
  const read = await readBodyWithLimit(request.body, maxBytes);
  if (!read.ok) {
    ctx.receivedBytes = read.receivedBytes;
    return read.reason === "too_large" ? reject("payload_too_large", tooLarge) : reject("body_incomplete", "The request body ended early.");
  }
  ctx.bytes = read.bytes;

  if (settings.enabled) {
    const secrets = workflow.secrets;
    const outcome = verifySignature({ settings, headers: request.headers, body: read.bytes, secrets, now: receivedAt });
    if (outcome.kind !== "ok") {
      ctx.verification = { secrets, failure: outcome };
      return reject(reasonForVerifyFailure(outcome), messageForVerifyFailure(outcome));
    }
    const secret = secrets.find((s) => s.id === outcome.secretId);
    ctx.secret = { id: outcome.secretId, last4: secret?.last4 ?? "" };
    if (!request.test && secret) await noteLiveVerification(db, secret, receivedAt);
    // Signed, and at most MAX_MESSAGE_ID_LENGTH characters (lib/hmac/headers.ts).
    ctx.messageId = outcome.messageId ?? null;
  }
  const parsed = parseBody(read.bytes, contentType);
  if (!parsed.ok) return reject(parsed.code === "invalid_body" ? "invalid_body" : "unsupported_media_type", parsed.message);

  // Schemes without a signed id header may take the id from the verified body. With HMAC off
  // any message id is unauthenticated: honouring it would let anyone who knows (or guesses)
  // another sender's id fetch that sender's session. So no idempotency then.
  const warnings: HookWarning[] = [];
  if (settings.enabled && settings.messageIdPath !== undefined && ctx.messageId === null) {
    const fromBody = messageIdFromBody(parsed.payload, settings.messageIdPath);
    if (fromBody.ok) ctx.messageId = fromBody.id;
    else warnings.push({ path: settings.messageIdPath, field: null, message: fromBody.message });
  }

  if (settings.scheme === "slack") {
    const challenge = slackChallenge(parsed.payload);
    if (challenge !== null) {
      await recordRejection(db, ctx, "url_verification");
      return reply(200, { challenge });
    }
  }

  const mapped = applyMapping(definition, parsed.payload);
  if (!mapped.ok) {
    const missingOnly = mapped.issues.every((issue) => issue.message === REQUIRED_MAPPED_FIELD_MISSING);
    const issues = mapped.issues.map((issue) => ({ path: [issue.from], field: issue.to, message: issue.message }));
    return missingOnly
      ? reject("required_field_missing", "A required mapped field is missing from the payload.", { issues })
      : reject("mapping_failed", "Some payload values could not be used for their fields.", { issues });
  }

  warnings.push(...mapped.warnings);
  ctx.warnings = warnings;
  if (request.test) ctx.keptTestBody = await keepTestBody(db, workflow.id, read.bytes, false);
  // deps.createSession: the group commit (group-commit.ts) in the app; same contract.
  const result = await (deps.createSession ?? createHookSession)(db, ctx, {
    versionId: target.id,
    data: mapped.values as Prisma.InputJsonValue,
    payload: parsed.payload,
    startedSubscribers: workflow.startedSubscribers,
  });
  const body: HookSuccessBody = { sessionId: result.sessionId, sessionUrl: sessionUrl(deps.config.publicUrl, result.token), test: request.test };
  // Values left out of the prefill are reported with the new session (not with a repeat's).
  if (result.kind === "created" && warnings.length > 0) body.warnings = warnings;
  return reply(result.kind === "created" ? 201 : 200, body);
}
