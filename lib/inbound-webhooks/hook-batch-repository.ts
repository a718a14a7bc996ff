import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DELIVERY_CASTS, DELIVERY_INSERT_COLUMNS, pushDeliveryParams, type NewDelivery } from "../delivery-log/delivery-repository";
import { hookSql, valuesRows } from "../db/hot-path-sql";
import { insertMessagesSql } from "../outbound-webhooks/message-sql";

// The webhook pipeline's session writes (write-hook-sessions.ts): the sessions of one or many
// requests and their delivery rows in one statement. Raw SQL because Prisma's createMany
// cannot say ON CONFLICT DO NOTHING … RETURNING nor chain two inserts; the statements are
// plain PostgreSQL, so they run on PGlite and PostgreSQL alike.

type Db = PrismaClient | Prisma.TransactionClient;

export interface SessionKey {
  workflowId: string;
  test: boolean;
  messageId: string;
}

export interface AcceptedRow {
  /**
   * The new session's own columns. Its id, workflow, mode and message id are those of the
   * delivery row (sessionId, workflowId, test, messageId): one value, written to both rows.
   */
  session: {
    versionId: string;
    token: string;
    /** JSON text of the mapped values. */
    data: string;
    /** The fields those values fill in (Session.prefilled, lib/sessions/prefilled-keys.ts). */
    prefilled: string[];
  };
  /** The delivery row of the request that creates this session (outcome "accepted"). */
  deliveryId: string;
  delivery: NewDelivery & { sessionId: string };
}

// The VALUES list: every delivery column (delivery-repository.ts), then the session's own.
const V_COLUMNS = [...DELIVERY_INSERT_COLUMNS, "s_version", "s_token", "s_data", "s_prefilled"].join(", ");
const V_CASTS = [...DELIVERY_CASTS, "", "", "::jsonb", "::text[]"];
const NEW_SESSIONS = `s AS (
       INSERT INTO "Session" ("id", "workflowId", "versionId", "token", "test", "data", "prefilled", "messageId", "createdAt", "updatedAt", "source")
       SELECT "sessionId", "workflowId", s_version, s_token, "test", s_data, s_prefilled, "messageId", $1::timestamp(3), $1::timestamp(3), 'webhook'::"SessionSource" FROM v
       ON CONFLICT ("workflowId", "test", "messageId") DO NOTHING
       RETURNING "id"
     )`;
const THEIR_DELIVERIES = `d AS (
       INSERT INTO "Delivery" (${DELIVERY_INSERT_COLUMNS.join(", ")})
       SELECT ${DELIVERY_INSERT_COLUMNS.map((column) => `v.${column}`).join(", ")}
       FROM v JOIN s ON s."id" = v."sessionId"
       RETURNING "sessionId" AS "id"
     )`;
// The new sessions' session.started events, for the workflows' subscribed endpoints (none: no row).
const THEIR_MESSAGES = `m AS (
       ${insertMessagesSql(
         "session.started",
         `v JOIN s ON s."id" = v."sessionId"`,
         {
           id: `v."sessionId"`,
           workflowId: `v."workflowId"`,
           versionId: `v.s_version`,
           test: `v."test"`,
           status: `'open'`,
           data: `v.s_data`,
           prefilled: `v.s_prefilled`,
           createdAt: `$1::timestamp(3)`,
           completedAt: `NULL::timestamp(3)`,
         },
         "$1::timestamp(3)",
       )}
       RETURNING "id"
     )`;

/**
 * One statement, so atomic without a transaction round trip: inserts the sessions, skipping a
 * row whose (workflowId, test, messageId) already exists, the "accepted" delivery row of each
 * session actually inserted, and (`withMessages`) their session.started outbox messages.
 * Returns the ids of the inserted sessions and of the messages.
 */
export async function insertAcceptedSessions(db: Db, rows: AcceptedRow[], now: Date, withMessages = true): Promise<{ sessionIds: Set<string>; messageIds: string[] }> {
  const params: unknown[] = [now];
  for (const { session, deliveryId, delivery } of rows) {
    pushDeliveryParams(params, deliveryId, delivery);
    params.push(session.versionId, session.token, session.data, session.prefilled);
  }
  const inserted = await hookSql(db).query<{ id: string; message: boolean }>(
    `WITH v (${V_COLUMNS}) AS (VALUES ${valuesRows(rows.length, V_CASTS, 1)}),
     ${NEW_SESSIONS},
     ${THEIR_DELIVERIES}${withMessages ? `,
     ${THEIR_MESSAGES}` : ""}
     SELECT "id", false AS "message" FROM d${withMessages ? ` UNION ALL SELECT "id", true FROM m` : ""}`,
    params,
  );
  const sessionIds = new Set<string>();
  const messageIds: string[] = [];
  for (const row of inserted) {
    if (row.message) messageIds.push(row.id);
    else sessionIds.add(row.id);
  }
  return { sessionIds, messageIds };
}

/** The sessions already holding these message ids (the originals of duplicates). */
export async function findSessionsByMessageIds(db: Db, keys: SessionKey[]): Promise<{ id: string; token: string; workflowId: string; test: boolean; messageId: string }[]> {
  const params: unknown[] = [];
  for (const k of keys) params.push(k.workflowId, k.test, k.messageId);
  return hookSql(db).query(
    `SELECT s."id", s."token", s."workflowId", s."test", s."messageId" FROM "Session" s
     JOIN (VALUES ${valuesRows(keys.length, ["", "::boolean", ""])}) AS k(wf, test, mid)
       ON s."workflowId" = k.wf AND s."test" = k.test AND s."messageId" = k.mid`,
    params,
  );
}
