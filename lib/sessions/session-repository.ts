import type { Prisma, PrismaClient, SessionSource } from "@/lib/generated/prisma/client";
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

export function insertSession(db: Db, session: NewSession) {
  return db.session.create({
    // The starting data is the prefill: which fields it filled in is recorded now.
    data: { ...session, messageId: session.messageId ?? null, prefilled: prefilledKeys(session.data) },
    select: { id: true, token: true, test: true },
  });
}

/** Everything the participant page needs; the token is the only key. */
export function findSessionByToken(db: Db, token: string) {
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

export function findSessionById(db: Db, id: string) {
  return db.session.findUnique({
    where: { id },
    select: SESSION_ROW,
  });
}

/**
 * Saves a step's values only while the session is still open (compare-and-set), so a second
 * tab can't reopen or overwrite a completed session.
 */
export async function saveSessionProgress(
  db: Db,
  sessionId: string,
  update: { data: Prisma.InputJsonValue; currentStep: number; complete: boolean },
): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, status: "open" },
    data: {
      data: update.data,
      currentStep: update.currentStep,
      ...(update.complete ? { status: "completed", completedAt: new Date() } : {}),
    },
  });
  return count === 1;
}
