import type { Prisma, PrismaClient, SessionSource } from "@/lib/generated/prisma/client";

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
    data: { ...session, messageId: session.messageId ?? null },
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

export function listSessions(db: Db, workflowId: string, opts: { test?: boolean; take?: number; cursor?: string } = {}) {
  return db.session.findMany({
    where: { workflowId, ...(opts.test === undefined ? {} : { test: opts.test }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 50,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: { id: true, status: true, test: true, source: true, data: true, createdAt: true, completedAt: true, workflowId: true },
  });
}

export function findSessionById(db: Db, id: string) {
  return db.session.findUnique({
    where: { id },
    select: { id: true, status: true, test: true, source: true, data: true, createdAt: true, completedAt: true, workflowId: true },
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
