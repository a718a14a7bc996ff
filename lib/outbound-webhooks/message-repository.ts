import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hookSql, valuesRows } from "@/lib/db/hot-path-sql";
import { insertMessagesForSessionsSql } from "./message-sql";
import type { TEventType } from "./schemas";

// The outbox (OutboundMessage) and its attempts: the writes in the session's own transaction,
// and the dispatcher's claim and record statements. Timestamps go in as ISO strings cast to
// timestamp(3) (UTC) and come back as epoch milliseconds, so both drivers read them alike.

type Db = PrismaClient | Prisma.TransactionClient;

/** A session event to write in the caller's transaction: the session's events of one change. */
export interface SessionEvent {
  type: TEventType;
  /** For session.step_completed: the step saved. */
  step?: { index: number; id: string };
}

/** Writes the events of one session for every subscribed endpoint; returns the new message ids. */
export async function insertSessionMessages(tx: Db, sessionId: string, events: SessionEvent[], now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) {
    const params: unknown[] = [sessionId, now.toISOString()];
    let step: { index: string; id: string } | undefined;
    if (event.step) {
      params.push(event.step.index, event.step.id);
      step = { index: "$3::int", id: "$4::text" };
    }
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `${insertMessagesForSessionsSql(event.type, `ss."id" = $1`, "$2::timestamp(3)", step)} RETURNING "id"`,
      ...params,
    );
    for (const row of rows) ids.push(row.id);
  }
  return ids;
}

export interface ClaimedMessage {
  id: string;
  endpointId: string;
  url: string;
  /** The payload as the JSON text to send. */
  payload: string;
  retryStep: number;
  attemptCount: number;
  /** When this attempt was due (epoch ms): a resend while it is in flight moves it. */
  dueAt: number;
  /** The endpoint has failed since its last success (a success then clears that). */
  endpointFailing: boolean;
}

/**
 * Takes the due messages among `ids` (or the oldest due ones when `ids` is null) for this
 * instance until `leaseUntil`: a message leased by another instance, delivered, or whose
 * endpoint is disabled is skipped. SKIP LOCKED and the lease check together mean two
 * instances never send one message at the same time.
 */
export async function claimDueMessages(db: Db, ids: string[] | null, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  return hookSql(db).query<ClaimedMessage>(
    `WITH due AS (
       SELECT m."id" FROM "OutboundMessage" m
         JOIN "OutboundEndpoint" e ON e."id" = m."endpointId"
        WHERE ($1::text[] IS NULL OR m."id" = ANY($1::text[]))
          AND m."status" = 'pending' AND m."nextAttemptAt" <= $2::timestamp(3)
          AND (m."leaseUntil" IS NULL OR m."leaseUntil" < $2::timestamp(3))
          AND e."enabled"
        ORDER BY m."nextAttemptAt"
        LIMIT $4
        FOR UPDATE OF m SKIP LOCKED
     )
     UPDATE "OutboundMessage" m SET "leaseUntil" = $3::timestamp(3)
       FROM due, "OutboundEndpoint" e
      WHERE m."id" = due."id" AND e."id" = m."endpointId"
     RETURNING m."id", m."endpointId", e."url", m."payload"::text AS "payload", m."retryStep", m."attemptCount",
               (extract(epoch FROM m."nextAttemptAt") * 1000)::float8 AS "dueAt", e."failingSince" IS NOT NULL AS "endpointFailing"`,
    [ids, now, leaseUntil, limit],
  ).then((rows) => rows.map((row) => ({ ...row, dueAt: Number(row.dueAt) })));
}

export interface AttemptRecord {
  messageId: string;
  attemptId: string;
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
  /** The message afterwards. */
  status: "pending" | "delivered" | "failed";
  retryStep: number;
  nextAttemptAt: Date | null;
  /** When the attempt was due as claimed (ClaimedMessage.dueAt). */
  claimedDueAt: Date;
}

const RECORD_CASTS = ["", "", "::timestamp(3)", "::int", "::int", "", "", "::\"OutboundMessageStatus\"", "::int", "::timestamp(3)", "::timestamp(3)"] as const;

/**
 * One statement: every attempt's row, and its message's new state (lease released). A message
 * deleted meanwhile (its endpoint or session was deleted) is skipped.
 */
export async function recordAttempts(db: Db, records: AttemptRecord[]): Promise<DueMessage[]> {
  if (records.length === 0) return [];
  const params: unknown[] = [];
  for (const r of records) {
    params.push(r.messageId, r.attemptId, r.attemptedAt, r.statusCode, r.latencyMs, r.responseBody, r.error, r.status, r.retryStep, r.nextAttemptAt, r.claimedDueAt);
  }
  // A resend (requeueMessage) while the attempt was in flight moved nextAttemptAt: that newer
  // request wins, so the message stays pending and due, and the caller enqueues it again.
  const rows = await hookSql(db).query<{ id: string; requeued: boolean; dueAt: number | string | null }>(
    `WITH o ("messageId", "attemptId", "at", "code", "latency", "body", "error", "status", "step", "next", "claimed") AS (VALUES ${valuesRows(records.length, RECORD_CASTS)}),
     a AS (
       INSERT INTO "OutboundAttempt" ("id", "messageId", "attemptedAt", "statusCode", "latencyMs", "responseBody", "error")
       SELECT o."attemptId", o."messageId", o."at", o."code", o."latency", o."body", o."error"
         FROM o JOIN "OutboundMessage" m ON m."id" = o."messageId"
     )
     UPDATE "OutboundMessage" m
        SET "status" = CASE WHEN m."nextAttemptAt" IS DISTINCT FROM o."claimed" THEN m."status" ELSE o."status" END,
            "retryStep" = CASE WHEN m."nextAttemptAt" IS DISTINCT FROM o."claimed" THEN m."retryStep" ELSE o."step" END,
            "nextAttemptAt" = CASE WHEN m."nextAttemptAt" IS DISTINCT FROM o."claimed" THEN m."nextAttemptAt" ELSE o."next" END,
            "leaseUntil" = NULL,
            "attemptCount" = m."attemptCount" + 1,
            "deliveredAt" = CASE WHEN o."status" = 'delivered' THEN o."at" ELSE m."deliveredAt" END
       FROM o WHERE m."id" = o."messageId"
     RETURNING m."id", m."nextAttemptAt" IS DISTINCT FROM o."next" AS "requeued", (extract(epoch FROM m."nextAttemptAt") * 1000)::float8 AS "dueAt"`,
    params,
  );
  return rows.filter((r) => r.requeued && r.dueAt !== null).map((r) => ({ id: r.id, dueAt: Number(r.dueAt) }));
}

/** After a batch: endpoints that answered 2xx are no longer failing; the others fail since their first failure. */
export async function markEndpointHealth(db: Db, succeeded: string[], failed: string[], now: Date): Promise<void> {
  if (succeeded.length > 0) {
    await hookSql(db).query(`UPDATE "OutboundEndpoint" SET "failingSince" = NULL WHERE "id" = ANY($1::text[]) AND "failingSince" IS NOT NULL`, [succeeded]);
  }
  if (failed.length > 0) {
    await hookSql(db).query(`UPDATE "OutboundEndpoint" SET "failingSince" = $2::timestamp(3) WHERE "id" = ANY($1::text[]) AND "failingSince" IS NULL`, [failed, now]);
  }
}

/** Enabled endpoints among `ids` failing since before `cutoff` (to disable). */
export async function findEndpointsFailingSince(db: Db, ids: string[], cutoff: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await hookSql(db).query<{ id: string }>(
    `SELECT "id" FROM "OutboundEndpoint" WHERE "id" = ANY($1::text[]) AND "enabled" AND "failingSince" <= $2::timestamp(3)`,
    [ids, cutoff],
  );
  return rows.map((r) => r.id);
}

export interface DueMessage {
  id: string;
  /** Epoch ms. */
  dueAt: number;
}

/** Pending messages due by `until` and not leased now, whose endpoint is enabled: what the sweep re-enqueues. */
export async function findDueMessages(db: Db, now: Date, until: Date, limit: number): Promise<DueMessage[]> {
  const rows = await hookSql(db).query<{ id: string; dueAt: number | string }>(
    `SELECT m."id", (extract(epoch FROM m."nextAttemptAt") * 1000)::float8 AS "dueAt"
       FROM "OutboundMessage" m JOIN "OutboundEndpoint" e ON e."id" = m."endpointId"
      WHERE m."status" = 'pending' AND m."nextAttemptAt" <= $2::timestamp(3)
        AND (m."leaseUntil" IS NULL OR m."leaseUntil" < $1::timestamp(3)) AND e."enabled"
      ORDER BY m."nextAttemptAt" LIMIT $3`,
    [now, until, limit],
  );
  return rows.map((r) => ({ id: r.id, dueAt: Number(r.dueAt) }));
}

/** Pending messages due by `now` and scheduled after it (the [status, nextAttemptAt] index answers both). */
export async function countPendingMessages(db: Db, now: Date): Promise<{ due: number; scheduled: number }> {
  const [row] = await hookSql(db).query<{ due: number | string; scheduled: number | string }>(
    `SELECT count(*) FILTER (WHERE "nextAttemptAt" <= $1::timestamp(3))::int AS "due",
            count(*) FILTER (WHERE "nextAttemptAt" > $1::timestamp(3))::int AS "scheduled"
       FROM "OutboundMessage" WHERE "status" = 'pending'`,
    [now],
  );
  return { due: Number(row?.due ?? 0), scheduled: Number(row?.scheduled ?? 0) };
}

/** Ends every lease: only safe where no other process can hold one (the embedded database at start-up). */
export async function releaseAllLeases(db: Db): Promise<number> {
  const rows = await hookSql(db).query<{ id: string }>(`UPDATE "OutboundMessage" SET "leaseUntil" = NULL WHERE "leaseUntil" IS NOT NULL RETURNING "id"`, []);
  return rows.length;
}
