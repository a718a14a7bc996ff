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

export const DELIVERY_OUTCOMES = ["accepted", "duplicate", "rejected"] as const satisfies readonly DeliveryOutcome[];
const MAX_PAYLOAD_PREVIEW = 64 * 1024;

type DeliveryRow = Awaited<ReturnType<typeof listDeliveryRows>>[number];

/** A delivery row as the builder reads it: the stored columns, the body as text, and why. */
export type DeliveryView = Omit<DeliveryRow, "body" | "headers"> & {
  /** Request headers as stored: signatures truncated, credentials removed. */
  headers: Record<string, string>;
  /** The reason code in words. */
  reason: string;
  /** The payload as text (UTF-8, cut at 64 KiB), for accepted and test requests only. */
  payload: string | null;
  payloadTruncated: boolean;
  /** Test deliveries, editors only. */
  debug: SignatureDebug | null;
};

export interface DeliveryFilterInput {
  mode?: "live" | "test";
  outcome?: DeliveryOutcome;
  take?: number;
  cursor?: string;
}

/**
 * The delivery log of a workflow, newest first. Viewers see it all except the signature
 * debugger, whose expected signatures are derived from the secrets (editors only).
 */
export async function listDeliveries(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  filter: DeliveryFilterInput = {},
  opts: { keys?: AppKey[]; now?: Date } = {},
): Promise<{ deliveries: DeliveryView[]; canDebug: boolean }> {
  const access = await authorizeWorkflow(db, actor, workflowId, "view");
  const canDebug = roleAllows(access.role, "edit");
  const rows = await listDeliveryRows(
    db,
    workflowId,
    { test: filter.mode === undefined ? undefined : filter.mode === "test", outcome: filter.outcome },
    { take: Math.min(Math.max(filter.take ?? 50, 1), 200), cursor: filter.cursor },
  );
  const now = opts.now ?? new Date();

  let debugContext: { settings: ReturnType<typeof storedDefinition>["trigger"]["hmac"]; secrets: Awaited<ReturnType<typeof loadActiveSecrets>> } | null = null;
  if (canDebug && rows.some((r) => r.test && r.body !== null)) {
    const workflow = await findWorkflowDetail(db, workflowId);
    // Test requests verify with the settings of the test URL: the draft's, never weaker than live.
    const live = workflow?.liveVersion ? storedDefinition(workflow.liveVersion.definition).trigger.hmac : null;
    const settings = workflow ? testHmacSettings(storedDefinition(workflow.draft).trigger.hmac, live) : null;
    if (settings?.enabled) {
      debugContext = { settings, secrets: await loadActiveSecrets(db, workflowId, now, opts.keys ?? getConfig().appKeys) };
    }
  }

  const deliveries = rows.map(({ body: stored, headers: storedHeaders, ...columns }): DeliveryView => {
    const body = stored ? new Uint8Array(stored) : null;
    const headers = (storedHeaders ?? {}) as Record<string, string>;
    return {
      ...columns,
      headers,
      reason: reasonInWords(columns.reasonCode),
      payload: body ? new TextDecoder().decode(body.subarray(0, MAX_PAYLOAD_PREVIEW)) : null,
      payloadTruncated: body !== null && body.byteLength > MAX_PAYLOAD_PREVIEW,
      debug:
        debugContext && columns.test && body
          ? debugSignature({ ...debugContext, body, headers, reasonCode: columns.reasonCode, receivedAt: columns.receivedAt, now })
          : null,
    };
  });
  return { deliveries, canDebug };
}
