import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The outbox as builders read and steer it: messages with their attempts, resend, recover.

type Db = PrismaClient | Prisma.TransactionClient;

/** Attempts listed per message (the newest ones; a message has at most a round's worth each time). */
const ATTEMPTS_PER_MESSAGE = 50;

const MESSAGE_ROW = {
  id: true,
  endpointId: true,
  sessionId: true,
  type: true,
  payload: true,
  status: true,
  attemptCount: true,
  nextAttemptAt: true,
  createdAt: true,
  deliveredAt: true,
  attempts: {
    orderBy: [{ attemptedAt: "desc" }, { id: "desc" }],
    take: ATTEMPTS_PER_MESSAGE,
    select: { id: true, attemptedAt: true, statusCode: true, latencyMs: true, responseBody: true, error: true },
  },
} satisfies Prisma.OutboundMessageSelect;

export type MessageRow = Prisma.OutboundMessageGetPayload<{ select: typeof MESSAGE_ROW }>;

/** Newest first, keyset-paged on (createdAt, id). */
export function listMessageRows(db: Db, endpointId: string, opts: { take: number; cursor?: string; status?: "pending" | "delivered" | "failed" }) {
  return db.outboundMessage.findMany({
    where: { endpointId, ...(opts.status ? { status: opts.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: MESSAGE_ROW,
  });
}

export function findMessageRow(db: Db, id: string) {
  return db.outboundMessage.findUnique({ where: { id }, select: MESSAGE_ROW });
}

export function findMessageEndpoint(db: Db, id: string) {
  return db.outboundMessage.findUnique({ where: { id }, select: { endpointId: true } });
}

/** Due again now, with a fresh round of retries (whatever its state: a resend of a delivered message sends it again). */
export async function requeueMessage(db: Db, id: string, now: Date): Promise<boolean> {
  const { count } = await db.outboundMessage.updateMany({ where: { id }, data: { status: "pending", retryStep: 0, nextAttemptAt: now } });
  return count === 1;
}

/** Every message of the endpoint that ran out of retries and was created since `since`: due again now. */
export async function requeueFailedSince(db: Db, endpointId: string, since: Date, now: Date): Promise<string[]> {
  const rows = await db.outboundMessage.updateManyAndReturn({
    where: { endpointId, status: "failed", createdAt: { gte: since } },
    data: { status: "pending", retryStep: 0, nextAttemptAt: now },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
