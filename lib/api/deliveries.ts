import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { DELIVERY_OUTCOMES, listDeliveries, type DeliveryRecord } from "@/lib/delivery-log/list-deliveries";
import { parseTestFilter, toPage, type TPageQuery } from "./pagination";

/** Payloads are JSON or form bodies, so text; anything that isn't UTF-8 is sent as base64. */
function bodyForJson(body: Uint8Array | null): { body: string | null; bodyEncoding: "utf8" | "base64" | null } {
  if (body === null) return { body: null, bodyEncoding: null };
  try {
    return { body: new TextDecoder("utf-8", { fatal: true }).decode(body), bodyEncoding: "utf8" };
  } catch {
    return { body: Buffer.from(body).toString("base64"), bodyEncoding: "base64" };
  }
}

function toDeliveryResource(row: DeliveryRecord) {
  return {
    id: row.id,
    receivedAt: row.receivedAt,
    test: row.test,
    outcome: row.outcome,
    reasonCode: row.reasonCode,
    status: row.status,
    secret: row.secretId ? { id: row.secretId, last4: row.secretLast4 } : null,
    latencyMs: row.latencyMs,
    sessionId: row.sessionId,
    messageId: row.messageId,
    contentType: row.contentType,
    // Stored with signature values already truncated; never a secret.
    headers: row.headers,
    bodyLength: row.bodyLength,
    bodySha256: row.bodySha256,
    ...bodyForJson(row.body),
    bodyTruncated: row.body !== null && !row.bodyComplete,
    // Accepted with values left out of the prefill ("accepted with warnings").
    warnings: row.warnings,
    // Rejected: what was seen at arrival (no secret, no stored body needed).
    diagnosis: row.diagnosis,
  };
}

const ZDeliveryFilter = z.object({
  outcome: z.enum(DELIVERY_OUTCOMES, { error: "outcome must be accepted, duplicate or rejected" }).optional(),
  reason: z.string().regex(/^[a-z_]{1,64}$/, "reason must be a reason code such as signature_mismatch").optional(),
});

export function parseDeliveryFilter(url: URL) {
  const { outcome, reason } = ZDeliveryFilter.parse({ outcome: url.searchParams.get("outcome") ?? undefined, reason: url.searchParams.get("reason") ?? undefined });
  return { ...parseTestFilter(url), outcome, reason };
}

/** The delivery log of a workflow's webhook, newest first. */
export async function listDeliveriesPage(
  db: PrismaClient,
  actor: TokenActor,
  workflowId: string,
  page: TPageQuery,
  filter: ReturnType<typeof parseDeliveryFilter>,
) {
  const { deliveries } = await listDeliveries(db, actor, workflowId, { ...filter, take: page.limit + 1, cursor: page.cursor });
  return toPage(deliveries, page.limit, toDeliveryResource);
}
