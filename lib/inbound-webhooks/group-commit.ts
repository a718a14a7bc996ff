import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { createHookSession, type CreateHookSessionResult } from "./create-hook-session";
import { findSessionsByMessageIds, insertAcceptedSessions, insertDeliveries, type BatchSession } from "./hook-batch-repository";
import { deliveryRow, type DeliveryContext } from "./record-delivery";
import { newRowId, newSessionToken } from "./row-id";

// Group commit for the webhook hot path: the session and delivery rows of concurrent requests
// are written by one statement (one commit), so a burst costs the database a few commits
// instead of one transaction of four round trips per request. Every request's promise settles only after its batch
// committed: a 2xx still means "your session is stored". Batches form by themselves: while
// one is being written, new requests queue, and the next batch takes the whole queue (up to
// maxBatch); an idle server writes a lone request at once, so nothing waits on a timer.

type SessionInput = { versionId: string; data: Prisma.InputJsonValue; payload: unknown };

interface Pending {
  ctx: DeliveryContext;
  session: SessionInput;
  resolve(result: CreateHookSessionResult): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Most requests in one transaction. */
  maxBatch?: number;
  /** Batches written at the same time (PGlite has one connection: 1). */
  maxConcurrent?: number;
  /** Called with each batch's size before it is written (tests, metrics). */
  onBatch?: (size: number) => void;
}

export interface GroupCommitter {
  /** Drop-in for createHookSession (HookDeps.createSession). */
  createSession(db: PrismaClient, ctx: DeliveryContext, session: SessionInput): Promise<CreateHookSessionResult>;
  /** Requests queued or being written (for shutdown and tests). */
  pending(): number;
}

export function createGroupCommitter(db: PrismaClient, options: GroupCommitOptions = {}): GroupCommitter {
  const maxBatch = options.maxBatch ?? 128;
  const maxConcurrent = options.maxConcurrent ?? 2;
  const queue: Pending[] = [];
  let writing = 0;
  let inBatches = 0;
  let scheduled = false;

  const drain = () => {
    scheduled = false;
    while (queue.length > 0 && writing < maxConcurrent) {
      const batch = queue.splice(0, maxBatch);
      writing++;
      inBatches += batch.length;
      options.onBatch?.(batch.length);
      void commitBatch(db, batch).finally(() => {
        writing--;
        inBatches -= batch.length;
        if (queue.length > 0) schedule();
      });
    }
  };
  // setImmediate: requests whose bodies arrived in the same turn of the event loop share a batch.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };

  return {
    createSession(callerDb, ctx, session) {
      // Test requests also record detected fields after the commit: they keep the plain path.
      if (ctx.test || callerDb !== db) return createHookSession(callerDb, ctx, session);
      return new Promise((resolve, reject) => {
        queue.push({ ctx, session, resolve, reject });
        schedule();
      });
    },
    pending: () => queue.length + inBatches,
  };
}

async function commitBatch(db: PrismaClient, batch: Pending[]): Promise<void> {
  let results: (CreateHookSessionResult | null)[];
  try {
    results = await writeBatch(db, batch);
  } catch (error) {
    // Nothing was committed (the insert itself failed). One bad row or a transient fault must
    // not fail the neighbours: each request is retried alone on the plain path, which answers
    // (or fails) exactly as an unbatched request would.
    logger.warn("hook_batch_failed", { size: batch.length, error });
    results = batch.map(() => null);
  }
  await Promise.all(
    batch.map((p, i) => {
      const result = results[i];
      return result ? p.resolve(result) : createHookSession(db, p.ctx, p.session).then(p.resolve, p.reject);
    }),
  );
}

const keyOf = (workflowId: string, test: boolean, messageId: string) => `${workflowId}\u0000${test ? 1 : 0}\u0000${messageId}`;

/**
 * One statement inserts the new sessions with their "accepted" delivery rows (atomic: a
 * session never exists without its row). Message ids seen before, in an earlier batch or
 * earlier in this one, insert nothing: those requests get the original session, and their
 * "duplicate" rows are written next, as the plain path does. Once the insert has committed,
 * a later fault must not send its rows through the plain path again (that would create
 * second sessions): requests whose outcome is unknown come back as null, and all of them
 * carry a message id, so their retry finds the original instead of inserting.
 */
async function writeBatch(db: PrismaClient, batch: Pending[]): Promise<(CreateHookSessionResult | null)[]> {
  // A message id repeated inside the batch: the first request inserts, the others are its duplicates.
  const leaderOf = new Map<Pending, Pending>();
  const leaders: Pending[] = [];
  const seen = new Map<string, Pending>();
  for (const p of batch) {
    const { messageId, workflowId, test } = p.ctx;
    const first = messageId === null ? undefined : seen.get(keyOf(workflowId, test, messageId));
    if (first) {
      leaderOf.set(p, first);
      continue;
    }
    if (messageId !== null) seen.set(keyOf(workflowId, test, messageId), p);
    leaders.push(p);
  }
  const rows = leaders.map((p) => {
    const session: BatchSession = {
      id: newRowId(),
      workflowId: p.ctx.workflowId,
      versionId: p.session.versionId,
      token: newSessionToken(),
      test: p.ctx.test,
      data: JSON.stringify(p.session.data),
      messageId: p.ctx.messageId,
    };
    return { session, deliveryId: newRowId(), delivery: deliveryRow(p.ctx, "accepted", session.id) };
  });
  const inserted = await insertAcceptedSessions(db, rows, new Date());

  const outcome = new Map<Pending, CreateHookSessionResult>();
  const skipped: number[] = [];
  leaders.forEach((p, i) => {
    const { session } = rows[i]!;
    if (inserted.has(session.id)) outcome.set(p, { kind: "created", sessionId: session.id, token: session.token });
    else skipped.push(i);
  });
  if (skipped.length > 0) {
    try {
      // ON CONFLICT waited for the other writer to finish, so the original is committed and visible now.
      const originals = await findSessionsByMessageIds(
        db,
        skipped.map((i) => rows[i]!.session).map((s) => ({ workflowId: s.workflowId, test: s.test, messageId: s.messageId! })),
      );
      const byKey = new Map(originals.map((o) => [keyOf(o.workflowId, o.test, o.messageId), o]));
      for (const i of skipped) {
        const s = rows[i]!.session;
        const original = byKey.get(keyOf(s.workflowId, s.test, s.messageId!));
        if (original) outcome.set(leaders[i]!, { kind: "duplicate", sessionId: original.id, token: original.token });
      }
    } catch (error) {
      logger.warn("hook_batch_lookup_failed", { size: skipped.length, error });
    }
  }
  const results = batch.map((p): CreateHookSessionResult | null => {
    const leader = leaderOf.get(p);
    const own = outcome.get(leader ?? p);
    if (!own) return null;
    return leader ? { kind: "duplicate", sessionId: own.sessionId, token: own.token } : own;
  });
  const duplicates = batch.flatMap((p, i) => {
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
