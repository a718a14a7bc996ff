import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import { refusedAddress, refusedUrl } from "./target-guard";

// Outgoing POSTs of completion webhooks: one pooled keep-alive undici Agent per process (per
// guard setting), a 15 s limit for the whole exchange, redirects never followed (a 3xx is a
// failed attempt), and the SSRF guard on every connection: the connector resolves the name
// itself, refuses the connection when any address is private, and connects to the address it
// checked. A pooled connection was checked when it was opened, so every attempt reaches a
// checked address; IP literals (which skip DNS) are checked per attempt in refusedUrl.

export const ATTEMPT_TIMEOUT_MS = 15_000;
/** How much of the response body an attempt keeps. */
export const RESPONSE_BODY_LIMIT = 4096;
/** More than this is not read at all: the connection is dropped instead of drained. */
const DRAIN_LIMIT = 64 * 1024;

export interface SendOutcome {
  /** HTTP status, null when no answer came. */
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
  retryAfter: string | null;
}

export class RefusedTargetError extends Error {
  readonly code = "SIGNET_REFUSED_TARGET";
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.map((a) => refusedAddress(a.address)).find((reason) => reason !== null);
    if (refused || addresses.length === 0) {
      return callback(new RefusedTargetError(`${hostname} resolves to a refused address: ${refused ?? "no address"}`), "", 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

const agents = new Map<boolean, Agent>();

function agentFor(allowPrivate: boolean): Agent {
  let agent = agents.get(allowPrivate);
  if (!agent) {
    agent = new Agent({
      keepAliveTimeout: 30_000,
      connections: 64,
      headersTimeout: ATTEMPT_TIMEOUT_MS,
      bodyTimeout: ATTEMPT_TIMEOUT_MS,
      connect: { timeout: ATTEMPT_TIMEOUT_MS, ...(allowPrivate ? {} : { lookup: guardedLookup }) },
    });
    agents.set(allowPrivate, agent);
  }
  return agent;
}

/** Closes the pooled connections (shutdown, tests). */
export async function closeHttpSender(): Promise<void> {
  const open = [...agents.values()];
  agents.clear();
  await Promise.all(open.map((agent) => agent.close().catch(() => {})));
}

function describeError(error: unknown): string {
  // With happy eyeballs, a refused lookup can arrive wrapped in an AggregateError.
  const nested = error instanceof AggregateError ? error.errors : [];
  const refusal = [error, (error as { cause?: unknown })?.cause, ...nested].find((e) => e instanceof RefusedTargetError);
  if (refusal) return `Refused target: ${(refusal as Error).message}`;
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    if (cause instanceof RefusedTargetError) return `Refused target: ${cause.message}`;
    const code = (cause as { code?: string }).code;
    if (cause.name === "TimeoutError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
      return `Timed out after ${ATTEMPT_TIMEOUT_MS / 1000} s`;
    }
    if (code === "ECONNREFUSED") return "Connection refused";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "The host name could not be resolved";
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "The connection was closed before an answer";
    if (cause.cause === undefined) return code ? `${code}: ${cause.message}` : cause.message;
    cause = cause.cause;
  }
  return String(cause);
}

/** POSTs `body` with `headers`; never throws: a failure is an outcome with an error. */
export async function postWebhook(target: string, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<SendOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { statusCode: null, latencyMs: 0, responseBody: null, error: "The endpoint URL is not valid", retryAfter: null };
  }
  const refused = refusedUrl(url, allowPrivate);
  if (refused) return { statusCode: null, latencyMs: 0, responseBody: null, error: `Refused target: ${refused}`, retryAfter: null };
  try {
    const response = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Signet-Webhooks/1", ...headers },
      body,
      dispatcher: agentFor(allowPrivate),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const chunks: Buffer[] = [];
    let kept = 0;
    let total = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      if (kept < RESPONSE_BODY_LIMIT) {
        const part = chunk.subarray(0, RESPONSE_BODY_LIMIT - kept);
        chunks.push(part);
        kept += part.length;
      }
      total += chunk.length;
      if (total > DRAIN_LIMIT) {
        response.body.destroy();
        break;
      }
    }
    const retryAfter = response.headers["retry-after"];
    return {
      statusCode: response.statusCode,
      latencyMs: latency(),
      responseBody: Buffer.concat(chunks).toString("utf8"),
      error: null,
      retryAfter: typeof retryAfter === "string" ? retryAfter : null,
    };
  } catch (error) {
    return { statusCode: null, latencyMs: latency(), responseBody: null, error: describeError(error), retryAfter: null };
  }
}
