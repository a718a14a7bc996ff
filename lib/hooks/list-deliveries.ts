import type { DeliveryOutcome, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { loadActiveSecrets } from "@/lib/secrets/active-secrets";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { findWorkflowDetail } from "@/lib/workflows/workflow-repository";
import { listDeliveryRows } from "./delivery-repository";
import { reasonInWords } from "./hook-outcomes";
import { debugSignature, type SignatureDebug } from "./signature-debugger";

export const DELIVERY_OUTCOMES = ["accepted", "duplicate", "rejected"] as const satisfies readonly DeliveryOutcome[];
const MAX_PAYLOAD_PREVIEW = 64 * 1024;

export interface DeliveryView {
  id: string;
  receivedAt: Date;
  test: boolean;
  outcome: DeliveryOutcome;
  reasonCode: string;
  reason: string;
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
  /** The payload as text (UTF-8, cut at 64 KiB), for accepted and test requests only. */
  payload: string | null;
  payloadTruncated: boolean;
  /** Test deliveries, editors only. */
  debug: SignatureDebug | null;
}

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
    const live = workflow?.liveVersion ? storedDefinition(workflow.liveVersion.definition) : null;
    if (live?.trigger.hmac.enabled) {
      debugContext = { settings: live.trigger.hmac, secrets: await loadActiveSecrets(db, workflowId, now, opts.keys ?? getConfig().appKeys) };
    }
  }

  const deliveries = rows.map((row): DeliveryView => {
    const body = row.body ? new Uint8Array(row.body) : null;
    const headers = (row.headers ?? {}) as Record<string, string>;
    return {
      id: row.id,
      receivedAt: row.receivedAt,
      test: row.test,
      outcome: row.outcome,
      reasonCode: row.reasonCode,
      reason: reasonInWords(row.reasonCode),
      status: row.status,
      secretId: row.secretId,
      secretLast4: row.secretLast4,
      latencyMs: row.latencyMs,
      sessionId: row.sessionId,
      messageId: row.messageId,
      contentType: row.contentType,
      headers,
      bodyLength: row.bodyLength,
      bodySha256: row.bodySha256,
      payload: body ? new TextDecoder().decode(body.subarray(0, MAX_PAYLOAD_PREVIEW)) : null,
      payloadTruncated: body !== null && body.byteLength > MAX_PAYLOAD_PREVIEW,
      debug:
        debugContext && row.test && body
          ? debugSignature({ ...debugContext, body, headers, reasonCode: row.reasonCode, receivedAt: row.receivedAt, now })
          : null,
    };
  });
  return { deliveries, canDebug };
}
