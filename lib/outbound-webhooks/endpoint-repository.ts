import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TDisabledReason } from "./schemas";

// Completion-webhook endpoints and their signing secrets. Secrets are selected only where the
// dispatcher decrypts them to sign; every other read carries the last 4 characters.

type Db = PrismaClient | Prisma.TransactionClient;

const SECRET_SUMMARY = { id: true, last4: true, createdAt: true, expiresAt: true } satisfies Prisma.OutboundEndpointSecretSelect;

export const ENDPOINT_ROW = {
  id: true,
  workflowId: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledReason: true,
  disabledAt: true,
  failingSince: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.OutboundEndpointSelect;

export type EndpointRow = Prisma.OutboundEndpointGetPayload<{ select: typeof ENDPOINT_ROW }>;

/** Secrets still signing at `now` (no expiry, or expiring later), newest first. */
const activeAt = (now: Date) => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

export function insertEndpoint(tx: Db, data: { workflowId: string; url: string; description: string | null; events: string[]; enabled: boolean }) {
  return tx.outboundEndpoint.create({
    data: { ...data, ...(data.enabled ? {} : { disabledReason: "manual", disabledAt: new Date() }) },
    select: ENDPOINT_ROW,
  });
}

export function insertEndpointSecret(tx: Db, data: { endpointId: string; ciphertext: string; keyId: string; last4: string }) {
  return tx.outboundEndpointSecret.create({ data, select: SECRET_SUMMARY });
}

/** Sets the expiry of the endpoint's other active secrets (a rotation's overlap); returns how many. */
export async function expireOtherEndpointSecrets(tx: Db, endpointId: string, keepId: string, expiresAt: Date, now: Date): Promise<number> {
  const { count } = await tx.outboundEndpointSecret.updateMany({ where: { endpointId, id: { not: keepId }, ...activeAt(now) }, data: { expiresAt } });
  return count;
}

export function listEndpointRows(db: Db, workflowId: string, now: Date) {
  return db.outboundEndpoint.findMany({
    where: { workflowId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...ENDPOINT_ROW, secrets: { where: activeAt(now), orderBy: { createdAt: "desc" }, select: SECRET_SUMMARY } },
  });
}

export function findEndpointRow(db: Db, id: string, now: Date) {
  return db.outboundEndpoint.findUnique({
    where: { id },
    select: { ...ENDPOINT_ROW, secrets: { where: activeAt(now), orderBy: { createdAt: "desc" }, select: SECRET_SUMMARY } },
  });
}

export function findEndpointWorkflow(db: Db, id: string) {
  return db.outboundEndpoint.findUnique({ where: { id }, select: { id: true, workflowId: true } });
}

export function updateEndpointRow(tx: Db, id: string, data: Prisma.OutboundEndpointUpdateInput) {
  return tx.outboundEndpoint.update({ where: { id }, data, select: ENDPOINT_ROW });
}

export function deleteEndpointRow(tx: Db, id: string) {
  return tx.outboundEndpoint.delete({ where: { id }, select: { id: true } });
}

/** Disables an endpoint that is still enabled; false when it already was disabled (then nothing changes). */
export async function disableEndpointRow(tx: Db, id: string, reason: TDisabledReason, now: Date): Promise<{ workflowId: string; workspaceId: string } | null> {
  const { count } = await tx.outboundEndpoint.updateMany({ where: { id, enabled: true }, data: { enabled: false, disabledReason: reason, disabledAt: now } });
  if (count !== 1) return null;
  const row = await tx.outboundEndpoint.findUniqueOrThrow({ where: { id }, select: { workflowId: true, workflow: { select: { workspaceId: true } } } });
  return { workflowId: row.workflowId, workspaceId: row.workflow.workspaceId };
}

/** The encrypted secrets that sign for these endpoints at `now`, newest first (the dispatcher only). */
export function findSigningSecrets(db: Db, endpointIds: string[], now: Date) {
  return db.outboundEndpointSecret.findMany({
    where: { endpointId: { in: endpointIds }, ...activeAt(now) },
    orderBy: { createdAt: "desc" },
    select: { id: true, endpointId: true, ciphertext: true },
  });
}
