import type { DeliveryOutcome, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { loadActiveSecrets } from "@/lib/webhook-secrets/active-secrets";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { testHmacSettings } from "@/lib/workflows/test-hmac-settings";
import { findWorkflowDetail } from "@/lib/workflows/workflow-repository";
import { BODY_PREVIEW_BYTES, listDeliveryRows, readBodyPreviews } from "./delivery-repository";
import { reasonInWords } from "../inbound-webhooks/hook-outcomes";
import { debugSignature, type SignatureDebug } from "./signature-debugger";
import type { RejectionDiagnosis } from "../inbound-webhooks/diagnose-rejection";
import type { HookWarning } from "../inbound-webhooks/hook-types";

export const DELIVERY_OUTCOMES = ["accepted", "duplicate", "rejected"] as const satisfies readonly DeliveryOutcome[];

type DeliveryRow = Awaited<ReturnType<typeof listDeliveryRows>>[number];

/** A stored delivery as every reader gets it: the columns, the headers as a record, the reason in words. */
export type DeliveryRecord = Omit<DeliveryRow, "bodyLength" | "headers" | "warnings" | "diagnosis"> & {
  /** The body's full length as received (or as declared, when it was refused unread). */
  bodyLength: number;
  /** Accepted with values left out of the prefill ("accepted with warnings"). */
  warnings: HookWarning[] | null;
  /** Rejected: what was seen at arrival. */
  diagnosis: RejectionDiagnosis | null;
  /** Request headers as stored: signatures truncated, credentials removed. */
  headers: Record<string, string>;
  /** The reason code in words. */
  reason: string;
  /**
   * The stored bytes, at most their first BODY_PREVIEW_BYTES: kept for accepted live requests
   * and, within the workflow's quota, test requests (a rejected one as a 64 KiB prefix).
   */
  body: Uint8Array | null;
  /** True when `body` is the whole body as received (not a stored prefix, not a preview). */
  bodyComplete: boolean;
};

export interface DeliveryQuery {
  /** Test deliveries only (true), live ones only (false), or both. */
  test?: boolean;
  outcome?: DeliveryOutcome;
  /** A reason code, e.g. signature_mismatch (the overview links here with it). */
  reason?: string;
  /** At most 200; 50 by default. */
  take?: number;
  /** The id of the last delivery of the previous page. */
  cursor?: string;
}

/**
 * The delivery log of a workflow, newest first, for anyone who may view the workflow;
 * `canDebug` says whether they may also see the signature debugger (editors).
 */
export async function listDeliveries(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  query: DeliveryQuery = {},
): Promise<{ deliveries: DeliveryRecord[]; canDebug: boolean }> {
  const access = await authorizeWorkflow(db, actor, workflowId, "view");
  const rows = await listDeliveryRows(
    db,
    workflowId,
    { test: query.test, outcome: query.outcome, reasonCode: query.reason },
    { take: Math.min(Math.max(query.take ?? 50, 1), 200), cursor: query.cursor },
  );
  const previews = await readBodyPreviews(db, rows.map((row) => row.id));
  const deliveries = rows.map(({ headers, warnings, diagnosis, bodyLength, ...columns }): DeliveryRecord => {
    const stored = previews.get(columns.id);
    return {
      ...columns,
      bodyLength: Number(bodyLength),
      // Written by this app only (record-delivery.ts), in these shapes.
      warnings: Array.isArray(warnings) ? (warnings as unknown as HookWarning[]) : null,
      diagnosis: diagnosis && typeof diagnosis === "object" && !Array.isArray(diagnosis) ? (diagnosis as RejectionDiagnosis) : null,
      headers: (headers ?? {}) as Record<string, string>,
      reason: reasonInWords(columns.reasonCode),
      body: stored ?? null,
      // A preview is never longer than what is stored, nor that longer than what was received.
      bodyComplete: stored !== undefined && BigInt(stored.byteLength) === bodyLength,
    };
  });
  return { deliveries, canDebug: roleAllows(access.role, "edit") };
}

/** A delivery as the builder's log shows it: a payload preview and, for editors, the debugger. */
export type DeliveryView = Omit<DeliveryRecord, "body" | "bodyComplete"> & {
  /** The payload as text (UTF-8, at most 64 KiB), when its bytes were kept. */
  payload: string | null;
  /** The payload shown is a part of the body received. */
  payloadTruncated: boolean;
  /** Test deliveries, editors only. */
  debug: SignatureDebug | null;
};

/**
 * The builder's delivery log. Viewers see it all except the signature debugger, whose
 * expected signatures are derived from the secrets (editors only).
 */
export async function listDeliveryViews(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  query: DeliveryQuery = {},
  opts: { keys?: AppKey[]; now?: Date } = {},
): Promise<{ deliveries: DeliveryView[]; canDebug: boolean }> {
  const { deliveries: records, canDebug } = await listDeliveries(db, actor, workflowId, query);
  const now = opts.now ?? new Date();

  let debugContext: { settings: ReturnType<typeof storedDefinition>["trigger"]["hmac"]; secrets: Awaited<ReturnType<typeof loadActiveSecrets>> } | null = null;
  if (canDebug && records.some((r) => r.test && r.bodyComplete)) {
    const workflow = await findWorkflowDetail(db, workflowId);
    // Test requests verify with the settings of the test URL: the draft's, never weaker than live.
    const live = workflow?.liveVersion ? storedDefinition(workflow.liveVersion.definition).trigger.hmac : null;
    const settings = workflow ? testHmacSettings(storedDefinition(workflow.draft).trigger.hmac, live) : null;
    if (settings?.enabled) {
      debugContext = { settings, secrets: await loadActiveSecrets(db, workflowId, now, opts.keys ?? getConfig().appKeys) };
    }
  }

  const deliveries = records.map(({ body, bodyComplete, ...record }): DeliveryView => ({
    ...record,
    payload: body ? new TextDecoder().decode(body.subarray(0, BODY_PREVIEW_BYTES)) : null,
    payloadTruncated: body !== null && !bodyComplete,
    // Expected signatures are computed over the exact bytes received: never over a prefix.
    debug:
      debugContext && record.test && body && bodyComplete
        ? debugSignature({ ...debugContext, body, headers: record.headers, reasonCode: record.reasonCode, receivedAt: record.receivedAt, now })
        : null,
  }));
  return { deliveries, canDebug };
}
