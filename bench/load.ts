// The load generator: autocannon at a fixed number of connections, every request a distinct
// Standard Webhooks message (own webhook-id) with a 1 KiB JSON body, signed in advance so the
// generator spends its time sending, not hashing.
import autocannon, { type Result } from "autocannon";
import { signRequest } from "../lib/hmac/sign";
import type { THmacSettings } from "../lib/hmac/schemas";

export const BODY_BYTES = 1024;

export interface SignedRequest {
  body: Buffer;
  headers: Record<string, string>;
}

/** `count` distinct signed 1 KiB bodies; runId keeps message ids unique across runs. */
export function signedPool(count: number, settings: THmacSettings, secret: string, runId: string): SignedRequest[] {
  const timestamp = Math.floor(Date.now() / 1000);
  const pool: SignedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const head = { customer: { email: `user${i}@example.com`, name: `Customer ${i}` }, amount: i % 1000, padding: "" };
    const padding = BODY_BYTES - Buffer.byteLength(JSON.stringify(head));
    head.padding = "x".repeat(Math.max(0, padding));
    const body = Buffer.from(JSON.stringify(head));
    const id = `msg_${runId}_${i}`;
    const headers = signRequest({ settings, secret, body, timestamp, id });
    pool.push({ body, headers: { ...headers, "content-type": "application/json" } });
  }
  return pool;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Transport errors and timeouts (no status). */
  errors: number;
  statusCounts: Record<string, number>;
  /** True when the pool ran out before the time was up (the run then ends early). */
  poolExhausted: boolean;
}

export async function runLoad(options: { url: string; connections: number; durationSec: number; pool: SignedRequest[]; cycle?: boolean }): Promise<LoadResult> {
  const { pool } = options;
  let next = 0;
  let exhausted = false;
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSec,
        timeout: 10,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              if (next >= pool.length && !options.cycle && !exhausted) {
                // Never send one message twice on purpose: stop when the pool is used up.
                exhausted = true;
                setImmediate(() => instance.stop());
              }
              const signed = pool[next++ % pool.length]!;
              return { ...request, method: "POST", headers: signed.headers, body: signed.body };
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
  });
  const statusCounts: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = (stats as { count: number }).count;
  const requests = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  return {
    requests,
    durationSec: result.duration,
    reqPerSec: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    statusCounts,
    poolExhausted: exhausted,
  };
}
