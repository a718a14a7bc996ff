// What an operator and a load balancer see of one running instance (both engines):
// - GET /healthz and /readyz answer without authentication and without data;
// - GET /metrics wants the bearer token (401 without or with a wrong one) and then reports the
//   webhook outcomes, latencies, group-commit batches, rate limiting, pools and memory;
// - the direct link is limited per client: the address a trusted proxy forwarded counts, a
//   client cannot pick its own with a header, and other clients are unaffected;
// - SIGTERM: /readyz fails at once (also on connections already open), the listener closes
//   after SIGNET_DRAIN_DELAY_SECONDS, a request in flight still completes with its session,
//   and the process exits 0.
import { Agent, request as httpRequest } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { useAppProcess } from "@/tests/reliability/app-process";
import { checkConsistency, withStoreDb } from "@/tests/reliability/db-check";
import { api, createOwnerWithCli, createSignedHook, rawRequest, signedBody, type Owner, type SignedHook } from "@/tests/reliability/journey";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const DIRECT_LINK_LIMIT = 5;

let owner: Owner;
let hook: SignedHook;
const { app, store } = useAppProcess({
  ports: [3360],
  env: {
    SIGNET_METRICS_TOKEN: METRICS_TOKEN,
    SIGNET_TRUSTED_PROXIES: "127.0.0.1",
    SIGNET_DIRECT_LINK_RATE_LIMIT: String(DIRECT_LINK_LIMIT),
    SIGNET_DRAIN_DELAY_SECONDS: "1",
  },
  prepare: (s) => void (owner = createOwnerWithCli(s)),
});

beforeAll(async () => {
  hook = await createSignedHook(app.baseUrl, owner.token, "Operations");
});

describe("health and readiness", () => {
  it("/healthz and /readyz answer anyone, with a status and nothing else", async () => {
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(ready.headers.getSetCookie()).toEqual([]);
  });
});

describe("/metrics", () => {
  it("refuses a request without the token or with a wrong one", async () => {
    const none = await fetch(`${app.baseUrl}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.text()).not.toMatch(/signet_|process_/);
    for (const authorization of [`Bearer ${METRICS_TOKEN}x`, `Bearer ${METRICS_TOKEN.slice(0, -1)}`, `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const wrong = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization } });
      expect(wrong.status, authorization).toBe(401);
    }
  });

  it("with the token, reports webhook outcomes, latency, batches, rate limiting and memory", async () => {
    const { body, headers } = signedBody(hook, 1);
    expect((await rawRequest(hook.hookUrl, { method: "POST", headers, body })).status).toBe(201);
    const unsigned = await rawRequest(hook.hookUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    const metrics = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await metrics.text();
    const sample = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
    expect(sample(/^signet_webhook_requests_total\{outcome="accepted",reason="accepted"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(sample(/^signet_webhook_requests_total\{outcome="rejected",reason="signature_missing"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(sample(/^signet_webhook_request_duration_seconds_count\{outcome="accepted"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(sample(/^signet_group_commit_batch_size_count (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(sample(/^signet_rate_limit_takes_total\{scope="hook"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(sample(/^process_resident_memory_bytes (\d+)/m)).toBeGreaterThan(10 * 1024 * 1024);
    // This workflow has no completion endpoint: nothing waits in the outbox.
    expect(sample(/^signet_outbound_messages_pending\{state="due"\} (\d+)/m)).toBe(0);
    expect(sample(/^signet_outbound_messages_pending\{state="scheduled"\} (\d+)/m)).toBe(0);
    if (store.engine === "postgres") {
      expect(sample(/^signet_db_pool_connections\{pool="prisma",state="total"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^signet_db_pool_connections\{pool="hot-path",state="waiting"\} \d+/m);
    }
  });
});

describe("direct link limit per client", () => {
  it(`starts ${DIRECT_LINK_LIMIT} sessions a minute per client, then answers 429 with Retry-After; other clients are unaffected`, async () => {
    const open = await api(app.baseUrl, owner.token, "POST", "/api/v1/workflows", {
      name: "Open link",
      definition: { trigger: { type: "webhook", hmac: { enabled: false, scheme: "prefixed-hex" } }, steps: [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "name", label: "Name" }] }], mapping: [] },
    });
    expect(open.status, open.text).toBe(201);
    expect((await api(app.baseUrl, owner.token, "POST", `/api/v1/workflows/${open.json.id}/publish`, {})).status).toBe(200);
    const visit = (headers: Record<string, string>) => fetch(`${app.baseUrl}/w/${open.json.slug}`, { redirect: "manual", headers });

    // The proxy (127.0.0.1, trusted) forwards the visitor's address.
    const visitor = { "x-forwarded-for": "198.51.100.7" };
    for (let i = 0; i < DIRECT_LINK_LIMIT; i++) expect((await visit(visitor)).status, `visit ${i + 1}`).toBe(303);
    const limited = await visit(visitor);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.text()).toContain("Too many visits");
    // Naming another address in the front's own header does not help: the front overwrites it.
    expect((await visit({ ...visitor, "x-signet-client-ip": "203.0.113.50" })).status).toBe(429);
    // Neither does prepending addresses to X-Forwarded-For: only the proxy's entry counts.
    expect((await visit({ "x-forwarded-for": "203.0.113.50, 198.51.100.7" })).status).toBe(429);
    // Another visitor, and an IPv6 visitor, still get in.
    expect((await visit({ "x-forwarded-for": "198.51.100.8" })).status).toBe(303);
    expect((await visit({ "x-forwarded-for": "2001:db8:1:2::5" })).status).toBe(303);
  });
});

describe("draining on SIGTERM", () => {
  it("fails /readyz at once, finishes the request in flight with its session, closes the listener, exits 0", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
        const req = httpRequest(`${app.baseUrl}${path}`, { agent }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
        });
        req.on("error", reject);
        req.end();
      });
    expect((await get("/readyz")).status).toBe(200); // opens the kept-alive connection

    // A webhook request in flight: headers and half the body now, the rest after SIGTERM.
    const { body, headers } = signedBody(hook, 2);
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(hook.hookUrl, { method: "POST", agent: false, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1_500);
    });
    await new Promise((r) => setTimeout(r, 200));
    const exited = new Promise<number | null>((resolve) => app.child.once("exit", (code) => resolve(code)));
    process.kill(app.child.pid!, "SIGTERM");
    await new Promise((r) => setTimeout(r, 200));

    // During the drain delay: new connections still reach /readyz, which says draining.
    const fresh = await rawRequest(`${app.baseUrl}/readyz`, {});
    expect(fresh.status).toBe(503);
    expect(JSON.parse(fresh.body)).toEqual({ status: "unavailable", reason: "draining" });
    // On the connection that was already open too, and the answer closes it.
    const kept = await get("/readyz");
    expect(kept.status).toBe(503);
    expect(kept.connection).toBe("close");
    // After the delay the listener is closed: a new connection is refused.
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await rawRequest(`${app.baseUrl}/healthz`, { timeoutMs: 2_000 })).status).toBeNull();

    const finished = await inFlight;
    expect(finished.status).toBe(201);
    const sessionId = (JSON.parse(finished.body) as { sessionId: string }).sessionId;
    expect(await exited).toBe(0);
    expect(app.logs.some((l) => l.includes('"event":"shutdown_done"'))).toBe(true);
    agent.destroy();
    const report = await withStoreDb(store, (db) => checkConsistency(db, hook.workflowId, [sessionId]));
    expect(report.missing).toEqual([]);
  }, 60_000);
});
