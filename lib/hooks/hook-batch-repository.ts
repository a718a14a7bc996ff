import type { Prisma } from "@/lib/generated/prisma/client";
import type { NewDelivery } from "./delivery-repository";

// Multi-row writes for the webhook group commit (group-commit.ts): one INSERT for the sessions
// of many requests and one for their delivery rows, inside the caller's transaction. Raw SQL
// because Prisma's createMany cannot say ON CONFLICT DO NOTHING … RETURNING; the statements
// are plain PostgreSQL, so they run on PGlite and PostgreSQL alike.

type Tx = Prisma.TransactionClient;

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

function placeholders(rows: number, columns: number, casts: string[]): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) cells.push(`$${r * columns + c + 1}${casts[c]}`);
    out.push(`(${cells.join(", ")})`);
  }
  return out.join(", ");
}

const SESSION_CASTS = ["", "", "", "", "::boolean", "::jsonb", "", "::timestamp(3)", "::timestamp(3)"];

/**
 * Inserts the sessions; a row whose (workflowId, test, messageId) already exists is skipped.
 * Returns the ids of the rows actually inserted.
 */
export async function insertSessionsSkippingDuplicates(tx: Tx, sessions: BatchSession[], now: Date): Promise<Set<string>> {
  const params: unknown[] = [];
  for (const s of sessions) params.push(s.id, s.workflowId, s.versionId, s.token, s.test, s.data, s.messageId, now, now);
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "Session" ("id", "workflowId", "versionId", "token", "test", "data", "messageId", "createdAt", "updatedAt", "source")
     SELECT v.*, 'webhook'::"SessionSource"
     FROM (VALUES ${placeholders(sessions.length, 9, SESSION_CASTS)}) AS v(id, wf, ver, token, test, data, mid, created, updated)
     ON CONFLICT ("workflowId", "test", "messageId") DO NOTHING
     RETURNING "id"`,
    ...params,
  );
  return new Set(rows.map((r) => r.id));
}

/** The sessions already holding these message ids (the originals of duplicates). */
export async function findSessionsByMessageIds(tx: Tx, keys: SessionKey[]): Promise<{ id: string; token: string; workflowId: string; test: boolean; messageId: string }[]> {
  const params: unknown[] = [];
  for (const k of keys) params.push(k.workflowId, k.test, k.messageId);
  return tx.$queryRawUnsafe(
    `SELECT s."id", s."token", s."workflowId", s."test", s."messageId" FROM "Session" s
     JOIN (VALUES ${placeholders(keys.length, 3, ["", "::boolean", ""])}) AS k(wf, test, mid)
       ON s."workflowId" = k.wf AND s."test" = k.test AND s."messageId" = k.mid`,
    ...params,
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

export async function insertDeliveries(tx: Tx, rows: { id: string; delivery: NewDelivery }[]): Promise<void> {
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
  await tx.$executeRawUnsafe(`INSERT INTO "Delivery" (${columns}) VALUES ${placeholders(rows.length, DELIVERY_COLUMNS.length, casts)}`, ...params);
}
