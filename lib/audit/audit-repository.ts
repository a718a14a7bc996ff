import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditAction, AuditTargetType } from "./actions";

type Db = PrismaClient | Prisma.TransactionClient;

export interface AuditInput {
  workspaceId: string;
  actorUserId?: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  /** Never a secret value: callers pass ids, names and last-4s only. */
  data?: Prisma.InputJsonValue;
}

/**
 * Writes one audit event. Pass the transaction the action runs in, so the event exists
 * exactly when the change does:
 *   await recordAuditEvent(tx, { workspaceId, actorUserId, action: "secret.revoked", targetType: "webhook_secret", targetId });
 */
export function recordAuditEvent(db: Db, input: AuditInput) {
  return db.auditEvent.create({
    data: { ...input, actorUserId: input.actorUserId ?? null, data: input.data ?? {} },
    select: { id: true },
  });
}

export interface AuditRowFilter {
  action?: string;
  actorUserId?: string;
  targetType?: string;
  targetId?: string;
  /** Events on the workflow itself and on things that belong to it (its secrets, endpoints). */
  workflowId?: string;
  from?: Date;
  to?: Date;
}

const auditSelect = { id: true, action: true, targetType: true, targetId: true, data: true, createdAt: true, actorUserId: true } satisfies Prisma.AuditEventSelect;

/** A workspace's audit events, newest first, filtered; `take` rows after `cursor` (an event id). */
export function listAuditEventRows(db: Db, workspaceId: string, filter: AuditRowFilter = {}, page: { take: number; cursor?: string } = { take: 100 }) {
  const where: Prisma.AuditEventWhereInput = {
    workspaceId,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorUserId ? { actorUserId: filter.actorUserId } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    ...(filter.workflowId
      ? { OR: [{ targetType: "workflow", targetId: filter.workflowId }, { data: { path: ["workflowId"], equals: filter.workflowId } }] }
      : {}),
  };
  return db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.take,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: auditSelect,
  });
}
