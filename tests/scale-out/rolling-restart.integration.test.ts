// A rolling restart under load: signed webhooks stream through nginx to three instances while
// each instance in turn gets SIGTERM and is started again. No request may fail: every answer
// is a 2xx (or a 429, which a sender retries), never a 5xx or a dropped connection, and every
// 2xx has its session and delivery row in the database. Each instance exits 0 (drained in
// time, not cut off) and serves traffic again after its restart.
// PostgreSQL pass only (several instances need a shared database; see multi-instance).
import { beforeAll, describe, expect, it } from "vitest";
import { checkConsistency, withStoreDb } from "@/tests/reliability/db-check";
import { createSignedHook, signedBody, type SignedHook } from "@/tests/reliability/journey";
import { useCluster } from "./cluster";

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const SENDERS = 6;

if (!ON_POSTGRES) console.info("rolling-restart suite skipped: it needs PostgreSQL (instances cannot share the embedded PGlite database); it runs in the PostgreSQL pass");

// The limit is not what this test is about: high enough that the load never meets it.
const cluster = useCluster({ instances: 3, basePort: 3350, env: { SIGNET_HOOK_RATE_LIMIT: "1000000" } });
let hook: SignedHook;

beforeAll(async () => {
  if (!ON_POSTGRES) return;
  hook = await createSignedHook(cluster.baseUrl, cluster.owner.token, "Rolling");
});

interface Tally {
  accepted: Set<string>;
  statuses: Map<string, number>;
  failures: string[];
}

/** Senders post signed requests through nginx, one after another each, until `running` is false. */
function load(tally: Tally, running: () => boolean): Promise<void> {
  let n = 0;
  const sender = async () => {
    while (running()) {
      const { body, headers } = signedBody(hook, n++);
      let status: string;
      try {
        const response = await fetch(`${cluster.baseUrl}/api/hooks/${hook.hookId}`, { method: "POST", headers, body, signal: AbortSignal.timeout(30_000) });
        const text = await response.text();
        status = String(response.status);
        if (response.status === 200 || response.status === 201) tally.accepted.add((JSON.parse(text) as { sessionId: string }).sessionId);
        else if (response.status !== 429) tally.failures.push(`${response.status}: ${text.slice(0, 200)}`);
      } catch (error) {
        status = "transport error";
        tally.failures.push(`transport: ${String(error)}`);
      }
      tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    }
  };
  return Promise.all(Array.from({ length: SENDERS }, sender)).then(() => undefined);
}

const servedBy = (accessLog: string, port: number) => accessLog.split("\n").filter((line) => line.includes(`upstream=127.0.0.1:${port}`) && /^20[01] /.test(line)).length;

describe.skipIf(!ON_POSTGRES)("rolling restart behind nginx (PostgreSQL only)", () => {
  it("restarts every instance in turn under load without failing a request or losing a session", async () => {
    const tally: Tally = { accepted: new Set(), statuses: new Map(), failures: [] };
    let running = true;
    const traffic = load(tally, () => running);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(2_000);
    const restarted: { port: number; logOffset: number }[] = [];
    for (const app of cluster.apps) {
      await app.stop(); // SIGTERM, then waits for the whole process group to exit
      expect(app.child.exitCode, `instance ${app.port} exit code`).toBe(0);
      await app.start();
      restarted.push({ port: app.port, logOffset: cluster.nginx.accessLog().length });
      // nginx retries a refused instance after fail_timeout (2 s): give it traffic again before the next restart.
      await pause(3_000);
    }
    running = false;
    await traffic;

    const summary = Object.fromEntries(tally.statuses);
    console.info(`rolling restart: answers by status ${JSON.stringify(summary)}, ${tally.accepted.size} sessions acknowledged`);
    expect(tally.failures, JSON.stringify(summary)).toEqual([]);
    expect(tally.accepted.size, JSON.stringify(summary)).toBeGreaterThan(200);
    // Every restarted instance answered webhooks again after it came back.
    const log = cluster.nginx.accessLog();
    for (const { port, logOffset } of restarted) expect(servedBy(log.slice(logOffset), port), `instance ${port} after its restart`).toBeGreaterThan(0);
    for (const app of cluster.apps) expect(app.logs.some((l) => l.includes('"event":"shutdown_done"')), `instance ${app.port} drained`).toBe(true);

    // Every acknowledged request has its session and delivery row; nothing is half-written.
    const report = await withStoreDb(cluster.store, (db) => checkConsistency(db, hook.workflowId, tally.accepted));
    expect(report.missing).toEqual([]);
    expect(report.sessionsWithoutDelivery).toEqual([]);
    expect(report.deliveriesWithoutSession).toEqual([]);
  }, 600_000);
});
