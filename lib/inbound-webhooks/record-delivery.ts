import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { THmacSettings } from "@/lib/hmac/schemas";
import { logger } from "@/lib/log/logger";
import { insertDeliveries, type NewDelivery } from "../delivery-log/delivery-repository";
import { headersForLog } from "../delivery-log/delivery-headers";
import { keepTestBody } from "../delivery-log/test-payload-quota";
import { diagnoseRejection, type DiagnosisInput } from "./diagnose-rejection";
import { REASONS, type ReasonCode } from "./hook-outcomes";
import type { HookWarning } from "./hook-types";
import { newRowId } from "./row-id";

// Builds the delivery-log row of one request from what the pipeline learnt about it.

export interface DeliveryContext {
  workflowId: string;
  test: boolean;
  receivedAt: Date;
  startedMs: number;
  headers: Headers;
  settings: THmacSettings | null;
  /** The body, when it was read (not for 405/413/415/429). */
  bytes: Uint8Array | null;
  /** Test requests: what the row keeps of the body, within the quota (keepTestBody); null keeps nothing. */
  keptTestBody?: Uint8Array | null;
  receivedBytes: number;
  secret: { id: string; last4: string } | null;
  messageId: string | null;
  /** Mapped values left out of the prefill; written with an accepted row. */
  warnings?: HookWarning[];
  /** Set when verification ran: the active secrets tried and, if it failed, why (for the diagnosis). */
  verification?: { secrets: DiagnosisInput["secrets"]; failure: DiagnosisInput["verifyFailure"] };
}

export function deliveryRow(ctx: DeliveryContext, reason: ReasonCode, sessionId: string | null, status = REASONS[reason].status): NewDelivery {
  const { outcome } = REASONS[reason];
  // Live: the payload is kept for accepted requests, never for rejected ones. Test: what
  // keepTestBody granted (the debugger wants the bytes of a failed one, within bounds).
  const body = ctx.test ? (ctx.keptTestBody ?? null) : outcome === "accepted" ? ctx.bytes : null;
  return {
    workflowId: ctx.workflowId,
    receivedAt: ctx.receivedAt,
    test: ctx.test,
    outcome,
    reasonCode: reason,
    status,
    secretId: ctx.secret?.id ?? null,
    secretLast4: ctx.secret?.last4 ?? null,
    latencyMs: Math.max(0, Math.round(performance.now() - ctx.startedMs)),
    sessionId,
    messageId: ctx.messageId,
    contentType: ctx.headers.get("content-type")?.slice(0, 200) ?? null,
    headers: headersForLog(ctx.headers, ctx.settings),
    bodyLength: ctx.bytes?.byteLength ?? ctx.receivedBytes,
    bodySha256: ctx.bytes ? createHash("sha256").update(ctx.bytes).digest("hex") : "",
    body,
    warnings: reason === "accepted" && ctx.warnings && ctx.warnings.length > 0 ? ctx.warnings : null,
    diagnosis:
      outcome === "rejected"
        ? diagnoseRejection({
            settings: ctx.settings,
            headers: ctx.headers,
            bytes: ctx.bytes,
            receivedAt: ctx.receivedAt,
            verifyFailure: ctx.verification?.failure ?? null,
            secrets: ctx.verification?.secrets ?? null,
          })
        : null,
  };
}

/**
 * Writes the row of a request that created nothing. A failure to log is itself logged but does
 * not change the answer: the request was still refused for the reason given.
 */
export async function recordRejection(db: PrismaClient | Prisma.TransactionClient, ctx: DeliveryContext, reason: ReasonCode, sessionId: string | null = null) {
  try {
    if (ctx.test && ctx.bytes && ctx.keptTestBody === undefined) ctx.keptTestBody = await keepTestBody(db, ctx.workflowId, ctx.bytes, REASONS[reason].outcome === "rejected");
    await insertDeliveries(db, [{ id: newRowId(), delivery: deliveryRow(ctx, reason, sessionId) }]);
  } catch (error) {
    logger.error("delivery_log_failed", { workflowId: ctx.workflowId, reason, error });
  }
}
