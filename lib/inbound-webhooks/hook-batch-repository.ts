import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { NewDelivery } from "../delivery-log/delivery-repository";
import { hookSql } from "../db/hot-path-sql";

// Multi-row writes for the webhook group commit (group-commit.ts): the sessions of many
// requests and their delivery rows in one statement. Raw SQL because Prisma's createMany
// cannot say ON CONFLICT DO NOTHING … RETURNING nor chain two inserts; the statements are
// plain PostgreSQL, so they run on PGlite and PostgreSQL alike.

type Db = PrismaClient | Prisma.TransactionClient;

export interface BatchSession {
  id: string;
  workflowId: string;
  versionId: string;
  token: string;
  test: boolean;
  /** JSON text of the mapped values. */
  data: string;
  messageId: string | null;
}

export interface SessionKey {
  workflowId: string;
  test: boolean;
  messageId: string;
}

function placeholders(rows: number, columns: number, casts: readonly string[], first = 0): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) cells.push(`$${first + r * columns + c + 1}${casts[c]}`);
    out.push(`(${cells.join(", ")})`);
  }
  return out.join(", ");
}

export interface AcceptedRow {
  session: BatchSession;
  /** The delivery row of the request that creates this session (outcome "accepted"). */
  deliveryId: string;
  delivery: NewDelivery;
}

const ACCEPTED_CASTS = [
  "", "", "", "", "::boolean", "::jsonb", "", // session: id, workflowId, versionId, token, test, data, messageId
  "", "::timestamp(3)", "", "", "::integer", "", "::jsonb", "::integer", "", "::bytea", // delivery
];

/**
 * One statement, so atomic without a transaction round trip: inserts the sessions, skipping a
 * row whose (workflowId, test, messageId) already exists, and an "accepted" delivery row for
 * each session actually inserted. Returns the ids of the inserted sessions.
 */
export async function insertAcceptedSessions(db: Db, rows: AcceptedRow[], now: Date): Promise<Set<string>> {
  const params: unknown[] = [now];
  for (const { session: s, deliveryId, delivery: d } of rows) {
    params.push(s.id, s.workflowId, s.versionId, s.token, s.test, s.data, s.messageId);
    params.push(deliveryId, d.receivedAt, d.secretId, d.secretLast4, d.latencyMs, d.contentType, JSON.stringify(d.headers), d.bodyLength, d.bodySha256);
    params.push(d.body === null ? null : new Uint8Array(d.body));
  }
  const inserted = await hookSql(db).query<{ id: string }>(
    `WITH v (sid, wf, ver, token, test, data, mid, did, received, secret_id, secret_last4, latency, content_type, headers, body_length, body_sha256, body)
       AS (VALUES ${placeholders(rows.length, ACCEPTED_CASTS.length, ACCEPTED_CASTS, 1)}),
     s AS (
       INSERT INTO "Session" ("id", "workflowId", "versionId", "token", "test", "data", "messageId", "createdAt", "updatedAt", "source")
       SELECT sid, wf, ver, token, test, data, mid, $1::timestamp(3), $1::timestamp(3), 'webhook'::"SessionSource" FROM v
       ON CONFLICT ("workflowId", "test", "messageId") DO NOTHING
       RETURNING "id"
     )
     INSERT INTO "Delivery" ("id", "workflowId", "receivedAt", "test", "outcome", "reasonCode", "status", "secretId", "secretLast4",
       "latencyMs", "sessionId", "messageId", "contentType", "headers", "bodyLength", "bodySha256", "body")
     SELECT v.did, v.wf, v.received, v.test, 'accepted'::"DeliveryOutcome", 'accepted', 201, v.secret_id, v.secret_last4,
       v.latency, v.sid, v.mid, v.content_type, v.headers, v.body_length, v.body_sha256, v.body
     FROM v JOIN s ON s."id" = v.sid
     RETURNING "sessionId" AS "id"`,
    params,
  );
  return new Set(inserted.map((r) => r.id));
}

/** The sessions already holding these message ids (the originals of duplicates). */
export async function findSessionsByMessageIds(db: Db, keys: SessionKey[]): Promise<{ id: string; token: string; workflowId: string; test: boolean; messageId: string }[]> {
  const params: unknown[] = [];
  for (const k of keys) params.push(k.workflowId, k.test, k.messageId);
  return hookSql(db).query(
    `SELECT s."id", s."token", s."workflowId", s."test", s."messageId" FROM "Session" s
     JOIN (VALUES ${placeholders(keys.length, 3, ["", "::boolean", ""])}) AS k(wf, test, mid)
       ON s."workflowId" = k.wf AND s."test" = k.test AND s."messageId" = k.mid`,
    params,
  );
}

const DELIVERY_COLUMNS = [
  ["id", ""],
  ["workflowId", ""],
  ["receivedAt", "::timestamp(3)"],
  ["test", "::boolean"],
  ["outcome", '::"DeliveryOutcome"'],
  ["reasonCode", ""],
  ["status", "::integer"],
  ["secretId", ""],
  ["secretLast4", ""],
  ["latencyMs", "::integer"],
  ["sessionId", ""],
  ["messageId", ""],
  ["contentType", ""],
  ["headers", "::jsonb"],
  ["bodyLength", "::integer"],
  ["bodySha256", ""],
  ["body", "::bytea"],
] as const;

export async function insertDeliveries(db: Db, rows: { id: string; delivery: NewDelivery }[]): Promise<void> {
  const params: unknown[] = [];
  for (const { id, delivery: d } of rows) {
    params.push(
      id,
      d.workflowId,
      d.receivedAt,
      d.test,
      d.outcome,
      d.reasonCode,
      d.status,
      d.secretId,
      d.secretLast4,
      d.latencyMs,
      d.sessionId,
      d.messageId,
      d.contentType,
      JSON.stringify(d.headers),
      d.bodyLength,
      d.bodySha256,
      d.body === null ? null : new Uint8Array(d.body),
    );
  }
  const columns = DELIVERY_COLUMNS.map(([name]) => `"${name}"`).join(", ");
  const casts = DELIVERY_COLUMNS.map(([, cast]) => cast);
  await hookSql(db).query(`INSERT INTO "Delivery" (${columns}) VALUES ${placeholders(rows.length, DELIVERY_COLUMNS.length, casts)}`, params);
}
