import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { newRowId } from "@/lib/inbound-webhooks/row-id";
import type { DetectedField, TDetectedFieldType } from "./detect-fields";

type Db = PrismaClient | Prisma.TransactionClient;

export interface StoredDetectedField extends DetectedField {
  seenCount: number;
  lastSeenAt: Date;
}

/** Fields detected from test payloads, in the order they were first seen. */
export async function listDetectedFields(db: Db, workflowId: string): Promise<StoredDetectedField[]> {
  const rows = await db.detectedField.findMany({
    where: { workflowId },
    // cuid ids grow with time, so id order is first-seen order within the workflow.
    orderBy: { id: "asc" },
    select: { path: true, type: true, example: true, seenCount: true, lastSeenAt: true },
  });
  return rows.map((row) => ({
    path: row.path,
    type: row.type as TDetectedFieldType,
    example: row.example as DetectedField["example"],
    seenCount: row.seenCount,
    lastSeenAt: row.lastSeenAt,
  }));
}

export interface FieldSighting extends DetectedField {
  /** How many samples held the path. */
  seen: number;
  lastSeenAt: Date;
}

// Writers of one workflow's fields (any instance) take this transaction-scoped lock first: an
// upsert locks rows in path order and a trim in rank order, and on PostgreSQL two of them
// running at once could each hold a row the other needs (deadlock). The first key keeps these
// locks apart from any other advisory lock.
const FIELD_WRITE_LOCK_CLASS = 0x5f1e1d;

async function withWorkflowFieldLock<T>(db: PrismaClient, workflowId: string, write: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 AS "held" FROM pg_advisory_xact_lock($1::int, hashtext($2))`, FIELD_WRITE_LOCK_CLASS, workflowId);
    return write(tx);
  });
}

/**
 * Records sightings of a workflow's fields in one statement: new paths are inserted, known
 * ones counted, with the newer type and example (a `null` never replaces a type seen before,
 * see mergeDetected). Rows are sent in path order so two writers lock them in the same order.
 */
export async function upsertFieldSightings(db: PrismaClient, workflowId: string, sightings: readonly FieldSighting[]): Promise<void> {
  if (sightings.length === 0) return;
  const sorted = [...sightings].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const params: unknown[] = [workflowId];
  const rows = sorted.map((field) => {
    params.push(newRowId(), field.path, field.type, JSON.stringify(field.example), field.seen, field.lastSeenAt.toISOString());
    const at = params.length - 6;
    return `($${at + 1}, $1, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5}::integer, $${at + 6}::timestamp(3))`;
  });
  await withWorkflowFieldLock(db, workflowId, (tx) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "DetectedField" AS f ("id", "workflowId", "path", "type", "example", "seenCount", "lastSeenAt")
       VALUES ${rows.join(", ")}
       ON CONFLICT ("workflowId", "path") DO UPDATE SET
         "type" = CASE WHEN EXCLUDED."type" = 'null' AND f."type" <> 'null' THEN f."type" ELSE EXCLUDED."type" END,
         "example" = CASE WHEN EXCLUDED."type" = 'null' AND f."type" <> 'null' THEN f."example" ELSE EXCLUDED."example" END,
         "seenCount" = f."seenCount" + EXCLUDED."seenCount",
         "lastSeenAt" = GREATEST(f."lastSeenAt", EXCLUDED."lastSeenAt")`,
      ...params,
    ),
  );
}

/**
 * Keeps the workflow's `max` most recently seen fields and deletes the rest. Runs after every
 * write, and each run sees every write committed before it, so whatever the concurrency the
 * last one leaves at most `max`.
 */
export async function trimDetectedFields(db: PrismaClient, workflowId: string, max: number): Promise<number> {
  return withWorkflowFieldLock(db, workflowId, (tx) =>
    tx.$executeRawUnsafe(
      `DELETE FROM "DetectedField" WHERE "id" IN (
         SELECT "id" FROM (
           SELECT "id", ROW_NUMBER() OVER (ORDER BY "lastSeenAt" DESC, "id" DESC) AS n FROM "DetectedField" WHERE "workflowId" = $1
         ) ranked WHERE n > $2)`,
      workflowId,
      max,
    ),
  );
}
