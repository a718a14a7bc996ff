import { createHash, timingSafeEqual } from "node:crypto";
import { metricsRegistry, registerPoolMetrics, webhookMetrics } from "./metrics";

// GET /metrics: the Prometheus text of this instance, for a scraper holding the bearer token
// SIGNET_METRICS_TOKEN. Off (404, as if it did not exist) while the token is unset. The
// comparison runs over SHA-256 digests, so it takes the same time whatever the length or
// content of the guess.

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const given = digest(match?.[1] ?? "");
  return timingSafeEqual(given, digest(token)) && match !== null;
}

export async function metricsAnswer(authorization: string | undefined, token: string | null): Promise<PlainAnswer> {
  const plain = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (token === null) return { status: 404, headers: plain, body: "Not found\n" };
  if (!bearerMatches(authorization, token)) {
    return { status: 401, headers: { ...plain, "WWW-Authenticate": 'Bearer realm="metrics"' }, body: "Authentication required\n" };
  }
  // Defined before the first webhook too, so a scrape always sees them (at zero).
  webhookMetrics();
  registerPoolMetrics();
  const registry = metricsRegistry();
  return { status: 200, headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" }, body: await registry.metrics() };
}
