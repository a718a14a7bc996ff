import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The overview's aggregates, computed by the database: date_trunc buckets over the hourly
// roll-up (DeliveryHourlyCount) plus the raw rows of the hour(s) not rolled up yet, and the
// session funnel over the (workflowId, test, createdAt, …, status, currentStep, completedAt)
// index. Nothing here returns more than a few hundred rows. Times go in as ISO strings cast to
// timestamp(3) (the columns hold UTC) and come back as ISO strings.

type Db = PrismaClient | Prisma.TransactionClient;

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;
const ts = (d: Date) => d.toISOString();

/**
 * Counts every closed hour not rolled up yet, for each workflow, from its latest rolled-up
 * hour (or `floor`) up to `settledBefore` (an hour boundary). Set-based and idempotent: two
 * callers at once insert the same counts and the second one's rows are skipped.
 */
export async function rollUpClosedHours(db: Db, workflowIds: string[], floor: Date, settledBefore: Date): Promise<number> {
  if (workflowIds.length === 0) return 0;
  return db.$executeRawUnsafe(
    `INSERT INTO "DeliveryHourlyCount" ("workflowId", "hour", "test", "outcome", "reasonCode", "count")
     SELECT d."workflowId", date_trunc('hour', d."receivedAt"), d."test", d."outcome", d."reasonCode", count(*)::int
       FROM unnest($1::text[]) AS w("id")
       CROSS JOIN LATERAL (
         SELECT greatest(coalesce(max(c."hour") + interval '1 hour', $2::timestamp(3)), $2::timestamp(3)) AS "since"
           FROM "DeliveryHourlyCount" c WHERE c."workflowId" = w."id"
       ) AS m
       JOIN "Delivery" d ON d."workflowId" = w."id" AND d."receivedAt" >= m."since" AND d."receivedAt" < $3::timestamp(3)
      GROUP BY 1, 2, 3, 4, 5
     ON CONFLICT DO NOTHING`,
    workflowIds,
    ts(floor),
    ts(settledBefore),
  );
}

export interface BucketCountRow {
  bucket: string;
  outcome: string;
  reasonCode: string;
  count: number;
}

/** Deliveries per bucket, outcome and reason from `start` to `now`: roll-up before `rolledUntil`, raw rows after. */
export function deliveryBucketCounts(
  db: Db,
  q: { workflowId: string; test: boolean; unit: "hour" | "day"; start: Date; rolledUntil: Date; now: Date },
): Promise<BucketCountRow[]> {
  return db.$queryRawUnsafe<BucketCountRow[]>(
    `SELECT to_char(date_trunc($3::text, b."at"), ${ISO}) AS "bucket", b."outcome"::text AS "outcome", b."reasonCode",
            sum(b."n")::int AS "count"
       FROM (
         SELECT c."hour" AS "at", c."outcome", c."reasonCode", c."count" AS "n" FROM "DeliveryHourlyCount" c
          WHERE c."workflowId" = $1 AND c."test" = $2 AND c."hour" >= $4::timestamp(3) AND c."hour" < $5::timestamp(3)
         UNION ALL
         SELECT d."receivedAt", d."outcome", d."reasonCode", 1 FROM "Delivery" d
          WHERE d."workflowId" = $1 AND d."test" = $2 AND d."receivedAt" >= greatest($4::timestamp(3), $5::timestamp(3))
            AND d."receivedAt" <= $6::timestamp(3)
       ) AS b
      GROUP BY 1, 2, 3`,
    q.workflowId,
    q.test,
    q.unit,
    ts(q.start),
    ts(q.rolledUntil),
    ts(q.now),
  );
}

export interface FunnelRow {
  step: number;
  completed: boolean;
  count: number;
}

export interface SessionScope {
  workflowId: string;
  test: boolean;
  start: Date;
  now: Date;
}

/** Sessions created from `start` to `now`, by the furthest step they reached and whether they completed. */
export function sessionStepCounts(db: Db, q: SessionScope): Promise<FunnelRow[]> {
  return db.$queryRawUnsafe<FunnelRow[]>(
    `SELECT "furthestStep" AS "step", ("status" = 'completed') AS "completed", count(*)::int AS "count"
       FROM "Session"
      WHERE "workflowId" = $1 AND "test" = $2 AND "createdAt" >= $3::timestamp(3) AND "createdAt" <= $4::timestamp(3)
      GROUP BY 1, 2`,
    q.workflowId,
    q.test,
    ts(q.start),
    ts(q.now),
  );
}

/**
 * Median seconds from start to completion of the sessions created from `start` to `now` that
 * completed; null without any. A query of its own (one GROUPING SETS pass with the funnel cost
 * more than both), and date_part, which yields a double directly, rather than extract, whose
 * numeric result is slower to sort.
 */
export async function medianSecondsToComplete(db: Db, q: SessionScope): Promise<number | null> {
  const rows = await db.$queryRawUnsafe<{ median: number | null }[]>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', "completedAt" - "createdAt")) AS "median"
       FROM "Session"
      WHERE "workflowId" = $1 AND "test" = $2 AND "createdAt" >= $3::timestamp(3) AND "createdAt" <= $4::timestamp(3)
        AND "status" = 'completed' AND "completedAt" IS NOT NULL`,
    q.workflowId,
    q.test,
    ts(q.start),
    ts(q.now),
  );
  const median = rows[0]?.median;
  return median === null || median === undefined ? null : Number(median);
}

export interface DailyCountRow {
  workflowId: string;
  day: string;
  count: number;
}

/** Live sessions per workflow and UTC day from `start` to `now`. */
export function liveSessionsPerDay(db: Db, workflowIds: string[], start: Date, now: Date): Promise<DailyCountRow[]> {
  if (workflowIds.length === 0) return Promise.resolve([]);
  return db.$queryRawUnsafe<DailyCountRow[]>(
    `SELECT "workflowId", to_char(date_trunc('day', "createdAt"), ${ISO}) AS "day", count(*)::int AS "count"
       FROM "Session"
      WHERE "workflowId" = ANY($1::text[]) AND "test" = false AND "createdAt" >= $2::timestamp(3) AND "createdAt" <= $3::timestamp(3)
      GROUP BY 1, 2`,
    workflowIds,
    ts(start),
    ts(now),
  );
}

/** Live rejected deliveries per workflow and UTC day from `start` to `now` (roll-up, then raw rows). */
export function liveRejectionsPerDay(db: Db, workflowIds: string[], start: Date, rolledUntil: Date, now: Date): Promise<DailyCountRow[]> {
  if (workflowIds.length === 0) return Promise.resolve([]);
  return db.$queryRawUnsafe<DailyCountRow[]>(
    `SELECT b."workflowId", to_char(date_trunc('day', b."at"), ${ISO}) AS "day", sum(b."n")::int AS "count"
       FROM (
         SELECT c."workflowId", c."hour" AS "at", c."count" AS "n" FROM "DeliveryHourlyCount" c
          WHERE c."workflowId" = ANY($1::text[]) AND c."test" = false AND c."outcome" = 'rejected'
            AND c."hour" >= $2::timestamp(3) AND c."hour" < $3::timestamp(3)
         UNION ALL
         SELECT d."workflowId", d."receivedAt", 1 FROM "Delivery" d
          WHERE d."workflowId" = ANY($1::text[]) AND d."test" = false AND d."outcome" = 'rejected'
            AND d."receivedAt" >= greatest($2::timestamp(3), $3::timestamp(3)) AND d."receivedAt" <= $4::timestamp(3)
       ) AS b
      GROUP BY 1, 2`,
    workflowIds,
    ts(start),
    ts(rolledUntil),
    ts(now),
  );
}

/** The workflows among `workflowIds` that ever received a request or started a session. */
export async function workflowsWithTraffic(db: Db, workflowIds: string[]): Promise<Set<string>> {
  if (workflowIds.length === 0) return new Set();
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT w."id" FROM unnest($1::text[]) AS w("id")
      WHERE EXISTS (SELECT 1 FROM "Delivery" d WHERE d."workflowId" = w."id")
         OR EXISTS (SELECT 1 FROM "Session" s WHERE s."workflowId" = w."id")`,
    workflowIds,
  );
  return new Set(rows.map((r) => r.id));
}

/** Roll-up rows older than `before`, in batches (retention). */
export function deleteHourlyCountsBefore(db: Db, workflowId: string, before: Date): Promise<number> {
  return db.$executeRawUnsafe(`DELETE FROM "DeliveryHourlyCount" WHERE "workflowId" = $1 AND "hour" < $2::timestamp(3)`, workflowId, ts(before));
}
