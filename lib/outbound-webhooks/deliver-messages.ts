import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { AppKey } from "@/lib/config/env";
import { decryptSecret } from "@/lib/encryption/at-rest";
import { newRowId } from "@/lib/inbound-webhooks/row-id";
import { logger } from "@/lib/log/logger";
import { outboundMetrics } from "@/lib/observability/metrics";
import { disableEndpointRow, findSigningSecrets } from "./endpoint-repository";
import { postWebhook, type SendOutcome } from "./http-sender";
import { claimDueMessages, findEndpointsFailingSince, markEndpointHealth, recordAttempts, type AttemptRecord, type ClaimedMessage, type DueMessage } from "./message-repository";
import { nextRetryDelayMs, parseRetryAfter } from "./retry-schedule";
import type { TDisabledReason } from "./schemas";
import { signMessage } from "./sign-message";

// The dispatcher: takes due messages (a lease, so no other instance sends them meanwhile),
// signs and POSTs them, records every attempt, and plans the next one from the retry schedule.
// A 410 disables the endpoint; so does failing without a single success for 5 days. Called
// by the job runner's workers (dispatch-jobs.ts) and directly by tests with a fake clock.

export interface DispatchDeps {
  db: PrismaClient;
  keys: AppKey[];
  allowPrivateTargets: boolean;
  now?: () => Date;
  random?: () => number;
}

export interface DispatchResult {
  attempted: number;
  delivered: number;
  /** Messages that failed and are due again (to enqueue for then). */
  retries: DueMessage[];
}

/** How long a claimed message is ours: above the 15 s attempt limit plus recording, with room. */
export const LEASE_MS = 60_000;
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3600 * 1000;

// Decrypting is cheap but not free; a secret's plaintext never changes, so decrypt each once.
const plaintextCache = new Map<string, string>();
const MAX_CACHED_SECRETS = 10_000;

function plaintext(secret: { id: string; ciphertext: string }, keys: AppKey[]): string {
  let value = plaintextCache.get(secret.id);
  if (value === undefined) {
    value = decryptSecret(secret.ciphertext, keys);
    if (plaintextCache.size >= MAX_CACHED_SECRETS) plaintextCache.clear();
    plaintextCache.set(secret.id, value);
  }
  return value;
}

async function signingSecretsByEndpoint(deps: DispatchDeps, endpointIds: string[], now: Date): Promise<Map<string, string[]>> {
  const rows = await findSigningSecrets(deps.db, endpointIds, now);
  const byEndpoint = new Map<string, string[]>();
  for (const row of rows) {
    try {
      const list = byEndpoint.get(row.endpointId) ?? [];
      list.push(plaintext(row, deps.keys));
      byEndpoint.set(row.endpointId, list);
    } catch (error) {
      logger.error("outbound_secret_unreadable", { endpointId: row.endpointId, secretId: row.id, error });
    }
  }
  return byEndpoint;
}

async function attempt(deps: DispatchDeps, message: ClaimedMessage, secrets: string[] | undefined, at: Date): Promise<SendOutcome> {
  if (!secrets || secrets.length === 0) {
    return { statusCode: null, latencyMs: 0, responseBody: null, error: "The endpoint has no signing secret that can be read", retryAfter: null };
  }
  return postWebhook(message.url, signMessage(message.id, message.payload, secrets, at), message.payload, deps.allowPrivateTargets);
}

async function disableEndpoints(db: PrismaClient, ids: string[], reason: TDisabledReason, now: Date): Promise<void> {
  for (const id of ids) {
    await db.$transaction(async (tx) => {
      const disabled = await disableEndpointRow(tx, id, reason, now);
      if (!disabled) return;
      await recordAuditEvent(tx, {
        workspaceId: disabled.workspaceId,
        actorUserId: null,
        action: "endpoint.disabled",
        targetType: "endpoint",
        targetId: id,
        data: { workflowId: disabled.workflowId, reason },
      });
      logger.warn("outbound_endpoint_disabled", { endpointId: id, reason });
    });
  }
}

/** Attempts the due messages among `ids` (or the oldest due ones when null), at most `limit`. */
export async function deliverMessages(deps: DispatchDeps, ids: string[] | null, limit = 100): Promise<DispatchResult> {
  const clock = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const now = clock();
  const claimed = await claimDueMessages(deps.db, ids, now, new Date(now.getTime() + LEASE_MS), limit);
  if (claimed.length === 0) return { attempted: 0, delivered: 0, retries: [] };
  const secrets = await signingSecretsByEndpoint(deps, [...new Set(claimed.map((m) => m.endpointId))], now);

  const outcomes = await Promise.all(
    claimed.map(async (message) => {
      const at = clock();
      return { message, at, outcome: await attempt(deps, message, secrets.get(message.endpointId), at) };
    }),
  );

  const records: AttemptRecord[] = [];
  const planned: DueMessage[] = [];
  const succeeded = new Set<string>();
  const failed = new Set<string>();
  const gone = new Set<string>();
  for (const { message, at, outcome } of outcomes) {
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const base = { messageId: message.id, attemptId: newRowId(at.getTime()), attemptedAt: at, claimedDueAt: new Date(message.dueAt), statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, responseBody: outcome.responseBody, error: outcome.error };
    if (ok) {
      succeeded.add(message.endpointId);
      records.push({ ...base, status: "delivered", retryStep: message.retryStep + 1, nextAttemptAt: null });
      continue;
    }
    failed.add(message.endpointId);
    if (outcome.statusCode === 410) gone.add(message.endpointId);
    const delay = nextRetryDelayMs(message.retryStep + 1, parseRetryAfter(outcome.retryAfter, at), random());
    if (delay === null) {
      records.push({ ...base, status: "failed", retryStep: message.retryStep + 1, nextAttemptAt: null });
    } else {
      const next = new Date(at.getTime() + delay);
      records.push({ ...base, status: "pending", retryStep: message.retryStep + 1, nextAttemptAt: next });
      planned.push({ id: message.id, dueAt: next.getTime() });
    }
  }
  // Resent while in flight: due again at once, whatever this attempt's outcome.
  const requeued = await recordAttempts(deps.db, records);
  const requeuedIds = new Set(requeued.map((m) => m.id));
  const retries = [...planned.filter((m) => !requeuedIds.has(m.id)), ...requeued];
  const metrics = outboundMetrics();
  for (const record of records) {
    metrics.attempts.inc({ result: record.status === "delivered" ? "delivered" : record.status === "pending" ? "retry" : "failed" });
    metrics.duration.observe(record.latencyMs / 1000);
  }

  const finished = clock();
  // Most batches change nothing here: endpoints that were healthy and answered 2xx again.
  const recovered = [...succeeded].filter((id) => claimed.some((m) => m.endpointId === id && m.endpointFailing));
  await markEndpointHealth(deps.db, recovered, [...failed].filter((id) => !succeeded.has(id)), now);
  if (gone.size > 0) await disableEndpoints(deps.db, [...gone], "gone", finished);
  const stillFailing = [...failed].filter((id) => !succeeded.has(id) && !gone.has(id));
  const failingTooLong = await findEndpointsFailingSince(deps.db, stillFailing, new Date(finished.getTime() - DISABLE_AFTER_FAILING_MS));
  if (failingTooLong.length > 0) await disableEndpoints(deps.db, failingTooLong, "failing", finished);

  return { attempted: records.length, delivered: records.filter((r) => r.status === "delivered").length, retries };
}
