import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { createHookSession } from "./create-hook-session";
import type { DeliveryContext } from "./record-delivery";
import { writeHookSessions, type CreateHookSessionResult, type HookSessionRequest } from "./write-hook-sessions";

// Group commit for the webhook hot path: the session and delivery rows of concurrent requests
// are written by one statement (one commit), so a burst costs the database a few commits
// instead of one commit per request. Every request's promise settles only after its batch
// committed: a 2xx still means "your session is stored". Batches form by themselves: while
// one is being written, new requests queue, and the next batch takes the whole queue (up to
// maxBatch); an idle server writes a lone request at once, so nothing waits on a timer.

type SessionInput = HookSessionRequest["session"];

interface Pending extends HookSessionRequest {
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
    results = await writeHookSessions(db, batch);
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
