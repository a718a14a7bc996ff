import type { DeliveryOutcome, Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The only code that reads or writes Delivery rows (the webhook delivery log).

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
}

export function insertDelivery(db: Db, delivery: NewDelivery) {
  const { body, ...rest } = delivery;
  return db.delivery.create({
    // Prisma wants a Uint8Array backed by a plain ArrayBuffer for Bytes.
    data: { ...rest, body: body === null ? null : new Uint8Array(body) },
    select: { id: true },
  });
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
  body: true,
} satisfies Prisma.DeliverySelect;

export interface DeliveryFilter {
  test?: boolean;
  outcome?: DeliveryOutcome;
}

export function listDeliveryRows(db: Db, workflowId: string, filter: DeliveryFilter, opts: { take: number; cursor?: string }) {
  return db.delivery.findMany({
    where: { workflowId, ...(filter.test === undefined ? {} : { test: filter.test }), ...(filter.outcome ? { outcome: filter.outcome } : {}) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: opts.take,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: listSelect,
  });
}

export function findDeliveryRow(db: Db, workflowId: string, deliveryId: string) {
  return db.delivery.findFirst({ where: { id: deliveryId, workflowId }, select: listSelect });
}

export function countDeliveries(db: Db, workflowId: string) {
  return db.delivery.count({ where: { workflowId } });
}
