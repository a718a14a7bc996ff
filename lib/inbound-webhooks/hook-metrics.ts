import { webhookMetrics } from "@/lib/observability/metrics";
import type { HookResponse } from "./hook-types";

// Counts each answer of the webhook pipeline by outcome and reason, as the delivery log names
// them, and times it. Reason codes come from one fixed table (hook-outcomes.ts), so the label
// set stays small whatever senders send.

let metrics: ReturnType<typeof webhookMetrics> | undefined;

function outcomeOf(response: HookResponse): { outcome: string; reason: string } {
  const body = response.body as { code?: unknown; sessionId?: unknown } | null;
  if (response.status === 201) return { outcome: "accepted", reason: "accepted" };
  if (response.status === 200 && typeof body?.sessionId === "string") return { outcome: "duplicate", reason: "duplicate" };
  if (response.status >= 500) return { outcome: "error", reason: typeof body?.code === "string" ? body.code : "internal_error" };
  if (response.status === 200) return { outcome: "rejected", reason: "url_verification" };
  return { outcome: "rejected", reason: typeof body?.code === "string" ? body.code : String(response.status) };
}

export function observeHookResponse(response: HookResponse, startedMs: number): void {
  metrics ??= webhookMetrics();
  const { outcome, reason } = outcomeOf(response);
  metrics.requests.inc({ outcome, reason });
  metrics.duration.observe({ outcome }, (performance.now() - startedMs) / 1000);
}
