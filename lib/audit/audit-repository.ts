import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

export interface AuditInput {
  workspaceId: string;
  actorUserId?: string | null;
  action: string;
  targetType: string;
  targetId: string;
  /** Never a secret value: callers pass ids, names and last-4s only. */
  data?: Prisma.InputJsonValue;
}

export function recordAuditEvent(db: Db, input: AuditInput) {
  return db.auditEvent.create({
    data: { ...input, actorUserId: input.actorUserId ?? null, data: input.data ?? {} },
    select: { id: true },
  });
}

export function listAuditEvents(db: Db, workspaceId: string, take = 100) {
  return db.auditEvent.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, targetType: true, targetId: true, data: true, createdAt: true, actorUserId: true },
  });
}
