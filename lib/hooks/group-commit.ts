import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { generateSessionToken } from "@/lib/sessions/session-token";
import { createHookSession, type CreateHookSessionResult } from "./create-hook-session";
import { findSessionsByMessageIds, insertDeliveries, insertSessionsSkippingDuplicates, type BatchSession } from "./hook-batch-repository";
import { deliveryRow, type DeliveryContext } from "./record-delivery";
import { newRowId } from "./row-id";

// Group commit for the webhook hot path: the session and delivery rows of concurrent requests
// are written in one transaction (two multi-row INSERTs), so a burst costs the database a few
// commits instead of one per request. Every request's promise settles only after its batch
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
  let results: CreateHookSessionResult[];
  try {
    results = await writeBatch(db, batch);
  } catch (error) {
    // One bad row or a transient fault must not fail the neighbours: each request is retried
    // alone on the plain path, which answers (or fails) exactly as an unbatched request would.
    logger.warn("hook_batch_failed", { size: batch.length, error });
    await Promise.all(batch.map((p) => createHookSession(db, p.ctx, p.session).then(p.resolve, p.reject)));
    return;
  }
  batch.forEach((p, i) => p.resolve(results[i]!));
}

const keyOf = (workflowId: string, test: boolean, messageId: string) => `${workflowId}\u0000${test ? 1 : 0}\u0000${messageId}`;

/** One transaction: the new sessions (a repeated message id inserts nothing), then every request's delivery row. */
async function writeBatch(db: PrismaClient, batch: Pending[]): Promise<CreateHookSessionResult[]> {
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
  const rows: BatchSession[] = leaders.map((p) => ({
    id: newRowId(),
    workflowId: p.ctx.workflowId,
    versionId: p.session.versionId,
    token: generateSessionToken(),
    test: p.ctx.test,
    data: JSON.stringify(p.session.data),
    messageId: p.ctx.messageId,
  }));

  return db.$transaction(async (tx) => {
    const inserted = await insertSessionsSkippingDuplicates(tx, rows, new Date());
    const byLeader = new Map<Pending, CreateHookSessionResult>();
    const skipped: number[] = [];
    leaders.forEach((p, i) => {
      const row = rows[i]!;
      if (inserted.has(row.id)) byLeader.set(p, { kind: "created", sessionId: row.id, token: row.token });
      else skipped.push(i);
    });
    if (skipped.length > 0) {
      // Message ids already accepted earlier: answer with the original session.
      const originals = await findSessionsByMessageIds(
        tx,
        skipped.map((i) => ({ workflowId: rows[i]!.workflowId, test: rows[i]!.test, messageId: rows[i]!.messageId! })),
      );
      const byKey = new Map(originals.map((o) => [keyOf(o.workflowId, o.test, o.messageId), o]));
      for (const i of skipped) {
        const row = rows[i]!;
        const original = byKey.get(keyOf(row.workflowId, row.test, row.messageId!));
        if (!original) throw new Error("A skipped session has no original row");
        byLeader.set(leaders[i]!, { kind: "duplicate", sessionId: original.id, token: original.token });
      }
    }
    const results = batch.map((p): CreateHookSessionResult => {
      const leader = leaderOf.get(p);
      const own = byLeader.get(leader ?? p)!;
      return leader ? { kind: "duplicate", sessionId: own.sessionId, token: own.token } : own;
    });
    await insertDeliveries(
      tx,
      batch.map((p, i) => {
        const result = results[i]!;
        return { id: newRowId(), delivery: deliveryRow(p.ctx, result.kind === "created" ? "accepted" : "duplicate", result.sessionId) };
      }),
    );
    return results;
  });
}
