// Overload and broken clients against the real app process.
// Overload: 500 simultaneous connections (webhooks and pages) on a 2-core machine. Every
// answer is a success, a 429/503 with Retry-After, or slower — never a crash, and never a 2xx
// whose session is missing; memory stays under MEMORY_BOUND_MIB.
// Broken clients: a trickling body, a client that stops mid-body, a Content-Length that lies
// both ways, and a 10 MiB body each get a timeout or a 4xx, and leave the app serving.
import { beforeAll, describe, expect, it } from "vitest";
import { useAppProcess } from "./app-process";
import { checkConsistency, withStoreDb } from "./db-check";
import { createOwnerWithCli, createSignedHook, rawRequest, signedBody, type Owner, type SignedHook } from "./journey";
import { requestHead, socketExchange, type SocketOutcome } from "./raw-socket";

const SOAK = process.env.SIGNET_SOAK === "1";
const CONNECTIONS = SOAK ? 1500 : 500;
const RATE_LIMIT_PER_MINUTE = 150;
/** The bound we promise: the whole process group (start.mjs + next) under this RSS. */
const MEMORY_BOUND_MIB = 1024;
/**
 * How long a client may hold a request open by trickling its body: the server's request
 * timeout (30 s) plus Node's check interval for it (up to 30 s) and slack.
 */
const SLOW_BODY_BOUND_MS = 70_000;

let owner: Owner;
const { app, store } = useAppProcess({
  ports: [3320],
  env: { SIGNET_HOOK_RATE_LIMIT: String(RATE_LIMIT_PER_MINUTE) },
  prepare: (s) => void (owner = createOwnerWithCli(s)),
});
let hook: SignedHook;
/** For the body-size tests: the overload spends `hook`'s whole per-minute budget, and the limit is checked before the body. */
let oversizeHook: SignedHook;
const accepted = new Set<string>();
let peakRssKiB = 0;
let trickle: Promise<SocketOutcome>;

beforeAll(async () => {
  hook = await createSignedHook(app.baseUrl, owner.token);
  oversizeHook = await createSignedHook(app.baseUrl, owner.token, "Oversize");
  // A client that declares a body and then sends one byte a second, for ever: started first
  // so it runs through everything below, and asserted at the end. Its own hook, so the
  // overload below cannot spend its rate-limit budget and turn it into a quick 429.
  const trickleHook = await createSignedHook(app.baseUrl, owner.token, "Trickle");
  trickle = socketExchange({
    port: app.port,
    head: requestHead(`/api/hooks/${trickleHook.hookId}`, { "Content-Type": "application/json", "Content-Length": "100000", "X-Signet-Signature": `sha256=${"0".repeat(64)}` }),
    chunks: Array.from({ length: 1_000 }, () => " "),
    delayMs: 1_000,
    timeoutMs: SLOW_BODY_BOUND_MS + 30_000,
  });
});

async function sampleRssWhile<T>(work: Promise<T>): Promise<T> {
  let running = true;
  const sampler = (async () => {
    while (running) {
      peakRssKiB = Math.max(peakRssKiB, app.rssKiB());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    return await work;
  } finally {
    running = false;
    await sampler;
  }
}

const isRetryable = (status: number) => status === 429 || status === 503;

describe("overload", () => {
  it(`answers ${CONNECTIONS} simultaneous connections with success, 429/503 + Retry-After or slower, within ${MEMORY_BOUND_MIB} MiB`, async () => {
    const hookShare = Math.floor(CONNECTIONS * 0.8);
    const started = Date.now();
    const results = await sampleRssWhile(
      Promise.all(
        Array.from({ length: CONNECTIONS }, (_, i) => {
          if (i < hookShare) {
            const { body, headers } = signedBody(hook, i);
            return rawRequest(hook.hookUrl, { method: "POST", headers, body, timeoutMs: 120_000 }).then((r) => ({ kind: "hook" as const, ...r }));
          }
          return rawRequest(`${app.baseUrl}/sign-in`, { timeoutMs: 120_000 }).then((r) => ({ kind: "page" as const, ...r }));
        }),
      ),
    );
    const elapsed = Date.now() - started;

    const unexpected = results.filter((r) => {
      if (r.status === null) return true; // a reset or a hang: no answer at all
      if (isRetryable(r.status)) return !r.headers["retry-after"];
      return r.kind === "hook" ? r.status !== 201 : r.status !== 200;
    });
    expect(unexpected.map((r) => `${r.kind} ${r.status ?? r.error}`)).toEqual([]);

    const hooks = results.filter((r) => r.kind === "hook");
    const created = hooks.filter((r) => r.status === 201);
    for (const r of created) accepted.add((JSON.parse(r.body) as { sessionId: string }).sessionId);
    // The per-hook limit held: at most a minute's worth plus what refilled while it ran, and
    // the rest were told when to retry. (This caught requests processed out of arrival order
    // refilling the same interval twice: 164 accepted where 159 was the most allowed.)
    expect(created.length).toBeGreaterThan(0);
    expect(created.length).toBeLessThanOrEqual(RATE_LIMIT_PER_MINUTE + Math.ceil((elapsed / 60_000) * RATE_LIMIT_PER_MINUTE) + 1);
    expect(hooks.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(app.child.exitCode).toBeNull();
    expect(peakRssKiB / 1024).toBeLessThan(MEMORY_BOUND_MIB);
    console.log(`overload: ${CONNECTIONS} connections in ${elapsed} ms, ${created.length} created, peak RSS ${Math.round(peakRssKiB / 1024)} MiB`);
  }, 300_000);
});

const hookPath = () => `/api/hooks/${hook.hookId}`;

describe("slow and broken clients", () => {
  it("a Content-Length over the limit is refused with 413 before the body is read", async () => {
    const outcome = await socketExchange({
      port: app.port,
      head: requestHead(`/api/hooks/${oversizeHook.hookId}`, { "Content-Type": "application/json", "Content-Length": String(50 * 1024 * 1024), "X-Signet-Signature": `sha256=${"0".repeat(64)}` }),
      chunks: ["{"],
      timeoutMs: 15_000,
    });
    expect(outcome.status).toBe(413);
  });

  it("a 10 MiB body is answered 413 (not buffered, not a crash)", async () => {
    const tenMiB = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const outcome = await socketExchange({
      port: app.port,
      head: requestHead(`/api/hooks/${oversizeHook.hookId}`, { "Content-Type": "application/json", "Transfer-Encoding": "chunked", "X-Signet-Signature": `sha256=${"0".repeat(64)}` }),
      chunks: Array.from({ length: 10 }, (_, i) => Buffer.concat([Buffer.from(`100000\r\n`), tenMiB.subarray(i * 1048576, (i + 1) * 1048576), Buffer.from("\r\n")])).concat([Buffer.from("0\r\n\r\n")]),
      timeoutMs: 30_000,
    });
    expect(outcome.status).toBe(413);
  });

  it("a Content-Length shorter than the body verifies only the declared bytes and answers 4xx", async () => {
    const { body, headers } = signedBody(hook, 100_001);
    const outcome = await socketExchange({
      port: app.port,
      head: requestHead(hookPath(), { ...headers, "Content-Length": "10", Connection: "close" }),
      chunks: [body],
      timeoutMs: 15_000,
    });
    expect(outcome.status).not.toBeNull();
    expect(outcome.status! >= 400 && outcome.status! < 500, `status ${outcome.status}`).toBe(true);
  });

  it("clients that stop mid-body create nothing and leave the app serving, memory bounded", async () => {
    const aborts = Array.from({ length: SOAK ? 1000 : 100 }, (_, i) => {
      const { body, headers } = signedBody(hook, 200_000 + i);
      return socketExchange({
        port: app.port,
        head: requestHead(hookPath(), { ...headers, "Content-Length": String(body.length) }),
        chunks: [body.slice(0, Math.floor(body.length / 2))],
        abortAfterChunks: true,
        timeoutMs: 10_000,
      });
    });
    await sampleRssWhile(Promise.all(aborts));
    // Wait out the rate limit window's refill for one request, then the app must serve normally.
    let status: number | null = null;
    for (let attempt = 0; attempt < 30 && status !== 201; attempt++) {
      const { body, headers } = signedBody(hook, 300_000 + attempt);
      const result = await rawRequest(hook.hookUrl, { method: "POST", headers, body });
      status = result.status;
      if (status === 201) accepted.add((JSON.parse(result.body) as { sessionId: string }).sessionId);
      else await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(status).toBe(201);
    expect(peakRssKiB / 1024).toBeLessThan(MEMORY_BOUND_MIB);
  }, 120_000);

  it(`a body that trickles in is cut off by the server within ${SLOW_BODY_BOUND_MS / 1000} s, not held for ever`, async () => {
    const outcome = await trickle;
    expect(outcome.closedByServer, `still open after ${outcome.elapsedMs} ms`).toBe(true);
    expect(outcome.elapsedMs).toBeLessThan(SLOW_BODY_BOUND_MS);
    if (outcome.status !== null) expect([400, 408]).toContain(outcome.status);
  }, SLOW_BODY_BOUND_MS + 60_000);

  // Exactly the acknowledged sessions exist: aborted, lying and oversized requests made none.
  it("after all of it: every 2xx has its session and delivery row, and nothing is half-written", async () => {
    await app.stop();
    const report = await withStoreDb(store, (db) => checkConsistency(db, hook.workflowId, accepted));
    expect(report.missing).toEqual([]);
    expect(report.sessionsWithoutDelivery).toEqual([]);
    expect(report.deliveriesWithoutSession).toEqual([]);
    expect(report.sessions).toBe(accepted.size);
    await app.start();
  }, 120_000);
});
