import type { PrismaClient } from "@/lib/generated/prisma/client";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { logger } from "@/lib/log/logger";
import { detectFields, type DetectedField } from "./detect-fields";
import { trimDetectedFields, upsertFieldSightings, type FieldSighting } from "./detected-field-repository";

// Detected fields are written off the request's critical path: a test request hands its
// payload over here and gets its answer at once. A worker per database then merges what
// waits per workflow (newer samples win), writes each workflow's fields in one statement and
// trims the workflow to its MAX_FIELDS_PER_WORKFLOW most recently seen. Samples are hints for
// the builder: one lost in a crash costs nothing; on a clean shutdown the queue is flushed.

export const MAX_FIELDS_PER_WORKFLOW = 1_000;

interface Waiting {
  fields: Map<string, FieldSighting>;
}

interface Queue {
  waiting: Map<string, Waiting>;
  running: Promise<void> | null;
}

const holder = globalThis as { __signetSampleQueues?: WeakMap<PrismaClient, Queue> };
const queues = (holder.__signetSampleQueues ??= new WeakMap());

function queueOf(db: PrismaClient): Queue {
  let queue = queues.get(db);
  if (!queue) {
    queues.set(db, (queue = { waiting: new Map(), running: null }));
    onShutdown("detected-fields", () => settleFieldDetection(db));
  }
  return queue;
}

function merge(into: Waiting, fields: readonly DetectedField[], seenAt: Date): void {
  for (const field of fields) {
    const before = into.fields.get(field.path);
    const keepBefore = before !== undefined && field.type === "null" && before.type !== "null";
    into.fields.set(field.path, {
      ...(keepBefore ? before : field),
      seen: (before?.seen ?? 0) + 1,
      lastSeenAt: before && before.lastSeenAt > seenAt ? before.lastSeenAt : seenAt,
    });
  }
  // Bounded like the table: newest sightings first, the rest dropped before they cost a write.
  if (into.fields.size > MAX_FIELDS_PER_WORKFLOW) {
    const newest = [...into.fields.values()].sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime()).slice(0, MAX_FIELDS_PER_WORKFLOW);
    into.fields = new Map(newest.map((f) => [f.path, f]));
  }
}

/** Queues a test payload's fields for the workflow; returns at once. */
export function queueSample(db: PrismaClient, workflowId: string, payload: unknown, receivedAt: Date): void {
  const fields = detectFields(payload);
  if (fields.length === 0) return;
  const queue = queueOf(db);
  let waiting = queue.waiting.get(workflowId);
  if (!waiting) queue.waiting.set(workflowId, (waiting = { fields: new Map() }));
  merge(waiting, fields, receivedAt);
  queue.running ??= new Promise<void>((resolve) => setImmediate(() => void drain(db, queue).finally(resolve)));
}

async function drain(db: PrismaClient, queue: Queue): Promise<void> {
  try {
    while (queue.waiting.size > 0) {
      const batch = [...queue.waiting];
      queue.waiting.clear();
      for (const [workflowId, waiting] of batch) await write(db, workflowId, [...waiting.fields.values()]);
    }
  } finally {
    queue.running = null;
  }
}

async function write(db: PrismaClient, workflowId: string, sightings: FieldSighting[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await upsertFieldSightings(db, workflowId, sightings);
      await trimDetectedFields(db, workflowId, MAX_FIELDS_PER_WORKFLOW);
      return;
    } catch (error) {
      // A deadlock or a workflow deleted meanwhile: try once more, then let the sample go.
      if (attempt >= 2) {
        logger.error("detected_fields_failed", { workflowId, error });
        return;
      }
    }
  }
}

/** How many workflows have fields waiting to be written (0 once the worker caught up). */
export function pendingSamples(db: PrismaClient): number {
  return queues.get(db)?.waiting.size ?? 0;
}

/** Resolves once every queued sample of this database is written (tests, shutdown). */
export async function settleFieldDetection(db: PrismaClient): Promise<void> {
  const queue = queues.get(db);
  while (queue?.running) await queue.running;
}
