import type { DeliveryOutcome, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { loadActiveSecrets } from "@/lib/webhook-secrets/active-secrets";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { testHmacSettings } from "@/lib/workflows/test-hmac-settings";
import { findWorkflowDetail } from "@/lib/workflows/workflow-repository";
import { listDeliveryRows } from "./delivery-repository";
import { reasonInWords } from "../inbound-webhooks/hook-outcomes";
import { debugSignature, type SignatureDebug } from "./signature-debugger";
import type { RejectionDiagnosis } from "../inbound-webhooks/diagnose-rejection";
import type { HookWarning } from "../inbound-webhooks/hook-types";

export const DELIVERY_OUTCOMES = ["accepted", "duplicate", "rejected"] as const satisfies readonly DeliveryOutcome[];
const MAX_PAYLOAD_PREVIEW = 64 * 1024;

type DeliveryRow = Awaited<ReturnType<typeof listDeliveryRows>>[number];

/** A stored delivery as every reader gets it: the columns, the headers as a record, the reason in words. */
export type DeliveryRecord = Omit<DeliveryRow, "body" | "headers" | "warnings" | "diagnosis"> & {
  /** Accepted with values left out of the prefill ("accepted with warnings"). */
  warnings: HookWarning[] | null;
  /** Rejected: what was seen at arrival. */
  diagnosis: RejectionDiagnosis | null;
  /** Request headers as stored: signatures truncated, credentials removed. */
  headers: Record<string, string>;
  /** The reason code in words. */
  reason: string;
  /** The exact bytes, kept for accepted and test requests only. */
  body: Uint8Array | null;
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
  const deliveries = rows.map(({ body, headers, warnings, diagnosis, ...columns }) => ({
    ...columns,
    // Written by this app only (record-delivery.ts), in these shapes.
    warnings: Array.isArray(warnings) ? (warnings as unknown as HookWarning[]) : null,
    diagnosis: diagnosis && typeof diagnosis === "object" && !Array.isArray(diagnosis) ? (diagnosis as RejectionDiagnosis) : null,
    headers: (headers ?? {}) as Record<string, string>,
    reason: reasonInWords(columns.reasonCode),
    body: body ? new Uint8Array(body) : null,
  }));
  return { deliveries, canDebug: roleAllows(access.role, "edit") };
}

/** A delivery as the builder's log shows it: a payload preview and, for editors, the debugger. */
export type DeliveryView = Omit<DeliveryRecord, "body"> & {
  /** The payload as text (UTF-8, cut at 64 KiB), for accepted and test requests only. */
  payload: string | null;
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
  if (canDebug && records.some((r) => r.test && r.body !== null)) {
    const workflow = await findWorkflowDetail(db, workflowId);
    // Test requests verify with the settings of the test URL: the draft's, never weaker than live.
    const live = workflow?.liveVersion ? storedDefinition(workflow.liveVersion.definition).trigger.hmac : null;
    const settings = workflow ? testHmacSettings(storedDefinition(workflow.draft).trigger.hmac, live) : null;
    if (settings?.enabled) {
      debugContext = { settings, secrets: await loadActiveSecrets(db, workflowId, now, opts.keys ?? getConfig().appKeys) };
    }
  }

  const deliveries = records.map(({ body, ...record }): DeliveryView => ({
    ...record,
    payload: body ? new TextDecoder().decode(body.subarray(0, MAX_PAYLOAD_PREVIEW)) : null,
    payloadTruncated: body !== null && body.byteLength > MAX_PAYLOAD_PREVIEW,
    debug:
      debugContext && record.test && body
        ? debugSignature({ ...debugContext, body, headers: record.headers, reasonCode: record.reasonCode, receivedAt: record.receivedAt, now })
        : null,
  }));
  return { deliveries, canDebug };
}
