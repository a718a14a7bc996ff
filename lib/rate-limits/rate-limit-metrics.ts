import { defineCounter } from "@/lib/observability/metrics";

/** Counters of one limiter scope: shared takes (database statements), tokens, refusals. */
export function rateLimitMetrics(scope: string) {
  const takes = defineCounter({
    name: "signet_rate_limit_takes_total",
    help: "Statements that took tokens from a shared rate-limit bucket (one per round of requests or per reservation, not per request).",
    labelNames: ["scope"] as const,
  });
  const granted = defineCounter({
    name: "signet_rate_limit_tokens_granted_total",
    help: "Tokens handed to this instance by the shared buckets (spent on requests or reserved).",
    labelNames: ["scope"] as const,
  });
  const denied = defineCounter({
    name: "signet_rate_limit_denied_total",
    help: "Requests refused by a shared rate limit.",
    labelNames: ["scope"] as const,
  });
  const labels = { scope };
  return {
    taken: (_want: number, tokens: number) => {
      takes.inc(labels);
      granted.inc(labels, tokens);
    },
    denied: () => denied.inc(labels),
  };
}
