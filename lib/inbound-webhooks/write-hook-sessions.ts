import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { announceMessages } from "@/lib/outbound-webhooks/announce-messages";
import { prefilledKeys } from "@/lib/sessions/prefilled-keys";
import { insertDeliveries } from "../delivery-log/delivery-repository";
import { findSessionsByMessageIds, insertAcceptedSessions, type AcceptedRow } from "./hook-batch-repository";
import { deliveryRow, type DeliveryContext } from "./record-delivery";
import { newRowId, newSessionToken } from "./row-id";

// The one writer of webhook sessions: a lone request (create-hook-session.ts) and a batch of
// the group commit (group-commit.ts) run the same statements, so their rows cannot differ.

export type CreateHookSessionResult =
  | { kind: "created"; sessionId: string; token: string }
  | { kind: "duplicate"; sessionId: string; token: string };

export interface HookSessionRequest {
  ctx: DeliveryContext;
  session: {
    versionId: string;
    data: Prisma.InputJsonValue;
    payload: unknown;
    /**
     * Whether the workflow had an endpoint subscribed to session.started when the request
     * arrived; false leaves the outbox statement out of the insert. Absent counts as true.
     */
    startedSubscribers?: boolean;
  };
}

const keyOf = (workflowId: string, test: boolean, messageId: string) => `${workflowId}\u0000${test ? 1 : 0}\u0000${messageId}`;

/**
 * One statement inserts the new sessions with their "accepted" delivery rows (atomic: a
 * session never exists without its row). Idempotency rests on the unique (workflowId, test,
 * messageId): message ids seen before, in an earlier write (on any instance) or earlier in
 * this one, insert nothing; those requests get the original session, and their "duplicate"
 * rows are written next. Throws when the insert fails (nothing was committed). Once it has
 * committed, a later fault must not make the caller write again (that would create second
 * sessions): requests whose outcome is then unknown come back as null, and all of them carry
 * a message id, so a retry finds the original instead of inserting.
 */
export async function writeHookSessions(db: PrismaClient, requests: HookSessionRequest[]): Promise<(CreateHookSessionResult | null)[]> {
  // A message id repeated among the requests: the first one inserts, the others are its duplicates.
  const leaderOf = new Map<HookSessionRequest, HookSessionRequest>();
  const leaders: HookSessionRequest[] = [];
  const seen = new Map<string, HookSessionRequest>();
  for (const p of requests) {
    const { messageId, workflowId, test } = p.ctx;
    const first = messageId === null ? undefined : seen.get(keyOf(workflowId, test, messageId));
    if (first) {
      leaderOf.set(p, first);
      continue;
    }
    if (messageId !== null) seen.set(keyOf(workflowId, test, messageId), p);
    leaders.push(p);
  }
  const rows = leaders.map((p): AcceptedRow => {
    const sessionId = newRowId();
    return {
      session: { versionId: p.session.versionId, token: newSessionToken(), data: JSON.stringify(p.session.data), prefilled: prefilledKeys(p.session.data) },
      deliveryId: newRowId(),
      delivery: { ...deliveryRow(p.ctx, "accepted", sessionId), sessionId },
    };
  });
  const withMessages = leaders.some((p) => p.session.startedSubscribers !== false);
  const { sessionIds: inserted, messageIds } = await insertAcceptedSessions(db, rows, new Date(), withMessages);
  announceMessages(messageIds);

  const outcome = new Map<HookSessionRequest, CreateHookSessionResult>();
  const skipped: number[] = [];
  leaders.forEach((p, i) => {
    const { session, delivery } = rows[i]!;
    if (inserted.has(delivery.sessionId)) outcome.set(p, { kind: "created", sessionId: delivery.sessionId, token: session.token });
    else skipped.push(i);
  });
  if (skipped.length > 0) {
    try {
      // ON CONFLICT waited for the other writer to finish, so the original is committed and visible now.
      const originals = await findSessionsByMessageIds(
        db,
        skipped.map((i) => rows[i]!.delivery).map((d) => ({ workflowId: d.workflowId, test: d.test, messageId: d.messageId! })),
      );
      const byKey = new Map(originals.map((o) => [keyOf(o.workflowId, o.test, o.messageId), o]));
      for (const i of skipped) {
        const d = rows[i]!.delivery;
        const original = byKey.get(keyOf(d.workflowId, d.test, d.messageId!));
        if (original) outcome.set(leaders[i]!, { kind: "duplicate", sessionId: original.id, token: original.token });
      }
    } catch (error) {
      logger.warn("hook_batch_lookup_failed", { size: skipped.length, error });
    }
  }
  const results = requests.map((p): CreateHookSessionResult | null => {
    const leader = leaderOf.get(p);
    const own = outcome.get(leader ?? p);
    if (!own) return null;
    return leader ? { kind: "duplicate", sessionId: own.sessionId, token: own.token } : own;
  });
  const duplicates = requests.flatMap((p, i) => {
    const result = results[i];
    return result?.kind === "duplicate" ? [{ id: newRowId(), delivery: deliveryRow(p.ctx, "duplicate", result.sessionId) }] : [];
  });
  if (duplicates.length > 0) {
    try {
      await insertDeliveries(db, duplicates);
    } catch (error) {
      // As recordRejection: a lost log row is logged, the answer (the original session) stands.
      logger.error("delivery_log_failed", { reason: "duplicate", count: duplicates.length, error });
    }
  }
  return results;
}
