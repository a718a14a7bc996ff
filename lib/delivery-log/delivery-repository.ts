import type { DeliveryOutcome, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hookSql, valuesRows } from "../db/hot-path-sql";
import type { RejectionDiagnosis } from "../inbound-webhooks/diagnose-rejection";
import type { HookWarning } from "../inbound-webhooks/hook-types";

// Delivery rows (the webhook delivery log): the one table of the columns the webhook pipeline
// writes, the insert built from it, and the log's reads. The pipeline's other statement that
// writes deliveries (a new session with its "accepted" row, hook-batch-repository.ts) takes its
// columns from the same table, so a field added to NewDelivery reaches every writer.

type Db = PrismaClient | Prisma.TransactionClient;

export interface NewDelivery {
  workflowId: string;
  receivedAt: Date;
  test: boolean;
  outcome: DeliveryOutcome;
  reasonCode: string;
  status: number;
  secretId: string | null;
  secretLast4: string | null;
  latencyMs: number;
  sessionId: string | null;
  messageId: string | null;
  contentType: string | null;
  headers: Record<string, string>;
  bodyLength: number;
  bodySha256: string;
  body: Uint8Array | null;
  /** Accepted with values left out of the prefill. */
  warnings: HookWarning[] | null;
  /** Rejected: what was seen at arrival. */
  diagnosis: RejectionDiagnosis | null;
}

/** How each field of NewDelivery is sent: its SQL cast and, when the value needs one, its conversion. */
type DeliveryColumns = { [K in keyof Required<NewDelivery>]: { cast: string; param?: (value: NewDelivery[K]) => unknown } };

// Typed against NewDelivery: a field missing here (or one NewDelivery lacks) is a compile error.
const COLUMNS: DeliveryColumns = {
  workflowId: { cast: "" },
  receivedAt: { cast: "::timestamp(3)" },
  test: { cast: "::boolean" },
  outcome: { cast: '::"DeliveryOutcome"' },
  reasonCode: { cast: "" },
  status: { cast: "::integer" },
  secretId: { cast: "" },
  secretLast4: { cast: "" },
  latencyMs: { cast: "::integer" },
  sessionId: { cast: "" },
  messageId: { cast: "" },
  contentType: { cast: "" },
  headers: { cast: "::jsonb", param: (headers) => JSON.stringify(headers) },
  bodyLength: { cast: "::bigint" },
  bodySha256: { cast: "" },
  // Prisma's raw queries want a Uint8Array over a plain ArrayBuffer; the body may be a view into a pooled Buffer.
  body: { cast: "::bytea", param: (body) => (body === null ? null : new Uint8Array(body)) },
  warnings: { cast: "::jsonb", param: (warnings) => (warnings === null ? null : JSON.stringify(warnings)) },
  diagnosis: { cast: "::jsonb", param: (diagnosis) => (diagnosis === null ? null : JSON.stringify(diagnosis)) },
};
const KEYS = Object.keys(COLUMNS) as (keyof NewDelivery)[];

/** The inserted columns, quoted, "id" first. */
export const DELIVERY_INSERT_COLUMNS: readonly string[] = ['"id"', ...KEYS.map((key) => `"${key}"`)];
/** The cast of each of DELIVERY_INSERT_COLUMNS. */
export const DELIVERY_CASTS: readonly string[] = ["", ...KEYS.map((key) => COLUMNS[key].cast)];

// One reader per column, built once: a row's parameters cost one call per column.
const READERS = KEYS.map(readerOf);
function readerOf<K extends keyof NewDelivery>(key: K): (delivery: NewDelivery) => unknown {
  const column: { param?: (value: NewDelivery[K]) => unknown } = COLUMNS[key];
  const { param } = column;
  return param ? (delivery) => param(delivery[key]) : (delivery) => delivery[key];
}

/** Appends one row's parameters, in the order of DELIVERY_INSERT_COLUMNS. */
export function pushDeliveryParams(params: unknown[], id: string, delivery: NewDelivery): void {
  params.push(id);
  for (const read of READERS) params.push(read(delivery));
}

/** Inserts delivery rows in one statement (ids from row-id.ts, as Prisma's cuid() would make them). */
export async function insertDeliveries(db: Db, rows: { id: string; delivery: NewDelivery }[]): Promise<void> {
  const params: unknown[] = [];
  for (const { id, delivery } of rows) pushDeliveryParams(params, id, delivery);
  await hookSql(db).query(`INSERT INTO "Delivery" (${DELIVERY_INSERT_COLUMNS.join(", ")}) VALUES ${valuesRows(rows.length, DELIVERY_CASTS)}`, params);
}

const listSelect = {
  id: true,
  receivedAt: true,
  test: true,
  outcome: true,
  reasonCode: true,
  status: true,
  secretId: true,
  secretLast4: true,
  latencyMs: true,
  sessionId: true,
  messageId: true,
  contentType: true,
  headers: true,
  bodyLength: true,
  bodySha256: true,
  warnings: true,
  diagnosis: true,
} satisfies Prisma.DeliverySelect;

/** How much of a stored body the log reads per row: a preview, never the whole payload. */
export const BODY_PREVIEW_BYTES = 64 * 1024;

/**
 * The first BODY_PREVIEW_BYTES of each row's stored body, for the rows of one page of the log:
 * the list never loads whole payloads, however large or many.
 */
export async function readBodyPreviews(db: Db, ids: string[]): Promise<Map<string, Uint8Array>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<{ id: string; preview: Uint8Array }[]>(
    `SELECT "id", substring("body" FROM 1 FOR $2) AS "preview" FROM "Delivery" WHERE "id" = ANY($1::text[]) AND "body" IS NOT NULL`,
    ids,
    BODY_PREVIEW_BYTES,
  );
  return new Map(rows.map((r) => [r.id, new Uint8Array(r.preview)]));
}

export interface DeliveryFilter {
  test?: boolean;
  outcome?: DeliveryOutcome;
  reasonCode?: string;
}

export function listDeliveryRows(db: Db, workflowId: string, filter: DeliveryFilter, opts: { take: number; cursor?: string }) {
  return db.delivery.findMany({
    where: {
      workflowId,
      ...(filter.test === undefined ? {} : { test: filter.test }),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.reasonCode ? { reasonCode: filter.reasonCode } : {}),
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: opts.take,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: listSelect,
  });
}

/**
 * Deletes up to `batch` of a workflow's deliveries received before `before`; returns how many.
 * Small batches keep each transaction short: the rows are old, so no webhook request waits on
 * their locks, and the (workflowId, receivedAt, …) index finds them without a scan.
 */
export function deleteDeliveriesBefore(db: Db, workflowId: string, before: Date, batch: number): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM "Delivery" WHERE "id" IN (
       SELECT "id" FROM "Delivery" WHERE "workflowId" = $1 AND "receivedAt" < $2::timestamp(3) LIMIT $3)`,
    workflowId,
    before.toISOString(),
    batch,
  );
}

/** The newest accepted test request's stored body and content type, or null when none kept one. */
export function findLatestTestBody(db: Db, workflowId: string) {
  return db.delivery.findFirst({
    where: { workflowId, test: true, outcome: "accepted", body: { not: null } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    select: { body: true, contentType: true },
  });
}
