import { isLookupKey } from "@/lib/db/lookup-key";
import type { Prisma, PrismaClient, SessionSource } from "@/lib/generated/prisma/client";
import { insertSessionMessages, type SessionEvent } from "@/lib/outbound-webhooks/message-repository";
import { prefilledKeys } from "./prefilled-keys";

type Db = PrismaClient | Prisma.TransactionClient;

export interface NewSession {
  workflowId: string;
  versionId: string;
  token: string;
  test: boolean;
  source: SessionSource;
  data: Prisma.InputJsonValue;
  messageId?: string | null;
}

/** Creates a session and, in the same transaction, its session.started messages (ids returned). */
export function insertSession(db: Db, session: NewSession) {
  return inTransaction(db, async (tx) => {
    const created = await tx.session.create({
      // The starting data is the prefill: which fields it filled in is recorded now.
      data: { ...session, messageId: session.messageId ?? null, prefilled: prefilledKeys(session.data) },
      select: { id: true, token: true, test: true, createdAt: true },
    });
    const messageIds = await insertSessionMessages(tx, created.id, [{ type: "session.started" }], created.createdAt);
    return { id: created.id, token: created.token, test: created.test, messageIds };
  });
}

/** Everything the participant page needs; the token is the only key. */
export async function findSessionByToken(db: Db, token: string) {
  if (!isLookupKey(token)) return null;
  return db.session.findUnique({
    where: { token },
    select: {
      id: true,
      workflowId: true,
      status: true,
      test: true,
      data: true,
      currentStep: true,
      completedAt: true,
      workflow: { select: { name: true } },
      version: { select: { definition: true } },
    },
  });
}

/** A session as builders and the API see it (never its token). */
const SESSION_ROW = {
  id: true,
  workflowId: true,
  versionId: true,
  status: true,
  test: true,
  source: true,
  data: true,
  prefilled: true,
  currentStep: true,
  createdAt: true,
  updatedAt: true,
  completedAt: true,
} satisfies Prisma.SessionSelect;

export function listSessions(db: Db, workflowId: string, opts: { test?: boolean; take?: number; cursor?: string } = {}) {
  return db.session.findMany({
    where: { workflowId, ...(opts.test === undefined ? {} : { test: opts.test }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 50,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: SESSION_ROW,
  });
}

export async function findSessionById(db: Db, id: string) {
  if (!isLookupKey(id)) return null;
  return db.session.findUnique({
    where: { id },
    select: SESSION_ROW,
  });
}

/** Runs `work` in a transaction: a new one on a client, the caller's own on a transaction client. */
function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work) : work(db);
}

/**
 * Saves a step's values only while the session is still open and still on the step they were
 * made from (compare-and-set): a second tab can't reopen a completed session, and of two
 * answers to one step sent at once only one is saved; the other, computed from a session that
 * has moved on, would put it back a step, drop what was answered meanwhile and announce the
 * step twice. The session's events (`events`, e.g. session.step_completed and
 * session.completed) are written to the completion-webhook outbox in the same transaction: no
 * completed session without its message, no message without its session. Returns whether it
 * saved, and the new messages' ids.
 */
export async function saveSessionProgress(
  db: Db,
  sessionId: string,
  update: { data: Prisma.InputJsonValue; currentStep: number; complete: boolean; from: number },
  events: SessionEvent[] = [],
): Promise<{ saved: boolean; messageIds: string[] }> {
  const now = new Date();
  return inTransaction(db, async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, status: "open", currentStep: update.from },
      data: {
        data: update.data,
        currentStep: update.currentStep,
        ...(update.complete ? { status: "completed", completedAt: now } : {}),
      },
    });
    if (count !== 1) return { saved: false, messageIds: [] };
    // The furthest step only ever rises (Back lowers currentStep, not this): the funnel's "reached".
    await tx.session.updateMany({ where: { id: sessionId, furthestStep: { lt: update.currentStep } }, data: { furthestStep: update.currentStep } });
    const messageIds = events.length > 0 ? await insertSessionMessages(tx, sessionId, events, now) : [];
    return { saved: true, messageIds };
  });
}

export interface ExportCursor {
  test: boolean;
  /** ISO time with milliseconds, as returned in ExportSessionRow.createdAt. */
  createdAt: string;
  id: string;
}

export interface ExportSessionRow {
  id: string;
  status: "open" | "completed";
  test: boolean;
  createdAt: string;
  completedAt: string | null;
  data: unknown;
  prefilled: string[] | null;
}

export interface ExportFilter {
  test?: boolean;
  status?: "open" | "completed";
  from?: Date;
  to?: Date;
}

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * One chunk of a workflow's sessions in export order (live before test, then oldest first),
 * strictly after `after`. Keyset paging over the (workflowId, test, createdAt, id) index, so
 * every chunk costs the same however deep into the export it is.
 */
export function readSessionsForExport(db: Db, workflowId: string, filter: ExportFilter, after: ExportCursor | null, take: number) {
  const params: unknown[] = [workflowId, take];
  const where: string[] = [`s."workflowId" = $1`];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.test !== undefined) add((p) => `s."test" = ${p}::boolean`, filter.test);
  if (filter.status) add((p) => `s."status" = ${p}::"SessionStatus"`, filter.status);
  if (filter.from) add((p) => `s."createdAt" >= ${p}::timestamp(3)`, filter.from.toISOString());
  if (filter.to) add((p) => `s."createdAt" < ${p}::timestamp(3)`, filter.to.toISOString());
  if (after) {
    params.push(after.test, after.createdAt, after.id);
    const n = params.length;
    where.push(`(s."test", s."createdAt", s."id") > ($${n - 2}::boolean, $${n - 1}::timestamp(3), $${n})`);
  }
  // ORDER BY names the table's columns: the output's "createdAt" is text and would sort (and
  // defeat the index) on its own.
  return db.$queryRawUnsafe<ExportSessionRow[]>(
    `SELECT s."id", s."status"::text AS "status", s."test", to_char(s."createdAt", ${ISO_MS}) AS "createdAt",
            to_char(s."completedAt", ${ISO_MS}) AS "completedAt", s."data", s."prefilled"
       FROM "Session" AS s
      WHERE ${where.join(" AND ")}
      ORDER BY s."test", s."createdAt", s."id"
      LIMIT $2`,
    ...params,
  );
}
