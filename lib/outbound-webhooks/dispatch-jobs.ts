import type PgBoss from "pg-boss";
import type { JobRunner } from "@/lib/jobs/job-runner";
import { logger } from "@/lib/log/logger";
import { setMessageListener } from "./announce-messages";
import { deliverMessages, type DispatchDeps } from "./deliver-messages";
import { findDueMessages, type DueMessage } from "./message-repository";

// Completion webhooks on the job runner. The outbox row is the durable truth; a pg-boss job
// per due attempt carries its id to a worker:
// - a writer that committed messages announces them (announce-messages.ts) and they are
//   enqueued at once, and this instance's workers are woken;
// - a failed attempt enqueues its retry with startAfter = the next attempt's time;
// - every minute (and at start) a sweep enqueues what is due and not leased, so a crash
//   between commit and enqueue, or during an attempt, loses nothing.
// Jobs are keyed `{messageId}@{due ms}` on a "short" queue, so repeated sweeps add no second
// queued job for one attempt; the lease taken by the dispatcher (message-repository.ts) is what
// guarantees that no two instances send one message at the same time.

const DISPATCH_QUEUE = "outbound-dispatch";
const SWEEP_QUEUE = "outbound-sweep";
/** Messages per fetch, and the workers per instance fetching them. */
const BATCH_SIZE = 200;
const WORKERS = 6;
const SWEEP_LIMIT = 5000;

interface DispatchJob {
  messageId: string;
}

export interface OutboundJobs {
  /** Enqueues these due attempts and wakes the local workers for those due now. */
  enqueue(due: DueMessage[]): Promise<void>;
  /** Enqueues everything due now that no instance holds (the sweep). */
  sweep(): Promise<number>;
  stop(): void;
}

export async function registerOutboundJobs(boss: JobRunner, deps: DispatchDeps): Promise<OutboundJobs> {
  await boss.createQueue(DISPATCH_QUEUE, { name: DISPATCH_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: 120 });
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "short", retryLimit: 0 });
  const workerIds: string[] = [];
  let stopped = false;
  const clock = deps.now ?? (() => new Date());

  const wake = () => {
    for (const id of workerIds) boss.notifyWorker(id);
  };

  /** `key`: the job's singleton key, by default `{id}@{due ms}`. */
  const enqueue = async (due: (DueMessage & { key?: string })[]) => {
    if (due.length === 0 || stopped) return;
    const now = clock().getTime();
    const jobs: PgBoss.JobInsert<DispatchJob>[] = due.map((d) => ({
      name: DISPATCH_QUEUE,
      data: { messageId: d.id },
      singletonKey: d.key ?? `${d.id}@${d.dueAt}`,
      ...(d.dueAt > now ? { startAfter: new Date(d.dueAt) } : {}),
    }));
    for (let i = 0; i < jobs.length; i += 1000) await boss.insert(jobs.slice(i, i + 1000));
    if (due.some((d) => d.dueAt <= now)) wake();
  };

  const sweep = async () => {
    const now = clock();
    const due = await findDueMessages(deps.db, now, now, SWEEP_LIMIT);
    await enqueue(due);
    return due.length;
  };

  for (let i = 0; i < WORKERS; i++) {
    const id: string = await boss.work<DispatchJob>(DISPATCH_QUEUE, { batchSize: BATCH_SIZE, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      const ids = [...new Set(jobs.map((j) => j.data.messageId))];
      const result = await deliverMessages(deps, ids, ids.length);
      await enqueue(result.retries);
      // A full batch means more are waiting: fetch again at once instead of after the interval.
      if (jobs.length === BATCH_SIZE) boss.notifyWorker(id);
    });
    workerIds.push(id);
  }
  await boss.work(SWEEP_QUEUE, async () => {
    const count = await sweep();
    if (count > 0) logger.info("outbound_sweep", { enqueued: count });
  });
  await boss.schedule(SWEEP_QUEUE, "* * * * *");

  // Announcements arrive per commit; gathering those of a few milliseconds makes one insert.
  // Announced messages are due now (new, resent or recovered): one queued "now" job per message
  // is enough, whatever its exact due time, so no read is needed to key them.
  let pending: string[] = [];
  let flushing: NodeJS.Timeout | null = null;
  const flush = async () => {
    flushing = null;
    const ids = pending;
    pending = [];
    try {
      const now = clock().getTime();
      await enqueue(ids.map((id) => ({ id, dueAt: now, key: `${id}@now` })));
    } catch (error) {
      logger.warn("outbound_enqueue_failed", { count: ids.length, error });
    }
  };
  setMessageListener((ids) => {
    for (const id of ids) pending.push(id);
    flushing ??= setTimeout(() => void flush(), 5);
  });

  return {
    enqueue,
    sweep,
    stop: () => {
      stopped = true;
      setMessageListener(null);
      if (flushing) clearTimeout(flushing);
    },
  };
}
