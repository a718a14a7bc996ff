// One run against the built app: a fresh database, a user and API token from the admin CLI, a
// published workflow with HMAC and a mapping created through /api/v1, load on
// POST /api/hooks/{id}, then the rows counted with the app stopped. On PostgreSQL the app may
// run as several instances behind nginx (deploy/nginx.conf, through scripts/lib/nginx-proxy.ts),
// the load then going to nginx.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../lib/db/open-database";
import { createScratchPostgres } from "../scripts/lib/scratch-postgres";
import { ZHmacSettings } from "../lib/hmac/schemas";
// The same node arguments as `npm start` (scripts/start.mjs), without its wrapper process.
import { serverNodeArgs } from "../scripts/build-server.mjs";
import { startNginx, type NginxProxy } from "../scripts/lib/nginx-proxy";
import { api, appEnv, cli, log, stop, waitForApp } from "./app-process";
import { runLoad, signedPool, type LoadResult } from "./load";
import { sampleRss, treeRssMiB } from "./rss";

const settings = ZHmacSettings.parse({ enabled: true, scheme: "standard-webhooks" });

export interface AppRunOptions {
  engine: "pglite" | "postgres";
  /** PostgreSQL server URL (a scratch database is created on it) for engine "postgres". */
  serverUrl?: string;
  /** The app's port (the first instance's when there are several). */
  port: number;
  /** App instances on one database (PostgreSQL only for more than one). Default 1. */
  instances?: number;
  /** Load through nginx on this port instead of straight at the app. */
  nginxPort?: number;
  connections: number;
  warmupSec: number;
  durationSec: number;
  poolSize: number;
}

export interface AppRun {
  engine: "pglite" | "postgres";
  instances: number;
  /** The load went through nginx. */
  viaNginx: boolean;
  load: LoadResult;
  /** 201s seen by the load generator over warm-up and measurement. */
  created: number;
  /** Every response the generator got (each should have one delivery row). */
  answered: number;
  sessionsInDb: number;
  deliveriesInDb: number;
  /** 201s without a session row; answers without a delivery row. */
  lost: { sessions: number; deliveries: number };
  /** Rows without an answer (a request the generator timed out on may still commit). */
  extra: { sessions: number; deliveries: number };
  fiveXx: number;
  /** Requests without any answer (reset, timeout), warm-up included. */
  transportErrors: number;
  /** All instances together (nginx not included: proxyRssMaxMiB). */
  rssMaxMiB: number;
  /** Before any load, right after start-up and setup. */
  rssIdleMiB: number;
  proxyRssMaxMiB: number | null;
  sessionsPerSec: number;
}

function add(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

export async function runApp(options: AppRunOptions): Promise<AppRun> {
  const instances = options.instances ?? 1;
  if (instances > 1 && options.engine !== "postgres") throw new Error("several instances need PostgreSQL");
  const dataDir = mkdtempSync(join(tmpdir(), "signet-bench-"));
  let databaseUrl = "";
  let dropDb = async () => {};
  if (options.engine === "postgres") {
    const scratch = await createScratchPostgres(options.serverUrl!, "signet_bench");
    databaseUrl = scratch.databaseUrl;
    dropDb = scratch.drop;
  }
  const ports = Array.from({ length: instances }, (_, i) => options.port + i);
  const base = options.nginxPort ? `http://127.0.0.1:${options.nginxPort}` : `http://127.0.0.1:${options.port}`;
  const env = appEnv(
    { base, dataDir, databaseUrl },
    {
      SIGNET_TRUSTED_PROXIES: "127.0.0.1",
      // The default (600/min per hook) would answer 429 within a second: this measures ingest.
      SIGNET_HOOK_RATE_LIMIT: "100000000",
    },
  );
  const children: ChildProcess[] = [];
  let nginx: NginxProxy | undefined;
  try {
    // Before the app starts: PGlite allows one process per data directory.
    const email = `bench-${randomBytes(4).toString("hex")}@example.com`;
    cli(env, ["user:create", "--email", email, "--password", randomBytes(18).toString("base64url")]);
    const token = cli(env, ["token:create", "--email", email, "--name", "bench"]);

    // BENCH_APP_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to see where the time goes.
    const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
    for (const port of ports) {
      const child = spawn(process.execPath, [...nodeArgs, ...serverNodeArgs(env)], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
      children.push(child);
      await waitForApp(`http://127.0.0.1:${port}`, child);
    }
    if (options.nginxPort) nginx = await startNginx({ upstreamPorts: ports, port: options.nginxPort, accessLog: false });
    const workflow = await api(base, token, "/workflows", {
      name: "Bench",
      definition: {
        trigger: { type: "webhook", hmac: settings },
        steps: [{ type: "form", id: "details", title: "Details", fields: [
          { key: "email", label: "Email", type: "email", required: true },
          { key: "name", label: "Name", type: "text", required: false },
          { key: "amount", label: "Amount", type: "number", required: false },
        ] }],
        mapping: [{ from: "customer.email", to: "email" }, { from: "customer.name", to: "name" }, { from: "amount", to: "amount" }],
      },
    });
    const workflowId = String(workflow.id);
    const secret = String((await api(base, token, `/workflows/${workflowId}/secrets`)).secret);
    await api(base, token, `/workflows/${workflowId}/publish`);
    const url = `${base}/api/hooks/${String(workflow.hookId)}`;

    const appsRss = () => children.reduce((sum, child) => sum + treeRssMiB(child.pid!), 0);
    const rssIdleMiB = appsRss();
    const runId = randomBytes(4).toString("hex");
    const statusCounts: Record<string, number> = {};
    let errors = 0;
    const warmPool = signedPool(Math.max(1000, options.warmupSec * 4000), settings, secret, `${runId}w`);
    const warm = await runLoad({ url, connections: options.connections, durationSec: options.warmupSec, pool: warmPool });
    add(statusCounts, warm.statusCounts);
    errors += warm.errors;
    log("warmed_up", { engine: options.engine, instances, viaNginx: Boolean(nginx), reqPerSec: Math.round(warm.reqPerSec) });

    const pool = signedPool(options.poolSize, settings, secret, runId);
    const rss = children.map((child) => sampleRss(child.pid!));
    const proxyRss = nginx ? sampleRss(nginxPid(nginx)) : null;
    const load = await runLoad({ url, connections: options.connections, durationSec: options.durationSec, pool });
    const rssMaxMiB = rss.reduce((sum, r) => sum + r.stop(), 0);
    const proxyRssMaxMiB = proxyRss?.stop() ?? null;
    add(statusCounts, load.statusCounts);
    errors += load.errors;
    await nginx?.stop();
    nginx = undefined;
    for (const child of children) await stop(child);

    const db = await openDatabase({ databaseUrl: databaseUrl || null, dataDir, poolSize: 2 });
    const sessionsInDb = await db.prisma.session.count({ where: { workflowId } });
    const deliveriesInDb = await db.prisma.delivery.count({ where: { workflowId } });
    await db.close();

    const created = statusCounts["201"] ?? 0;
    const answered = Object.values(statusCounts).reduce((a, b) => a + b, 0);
    const fiveXx = Object.entries(statusCounts).filter(([code]) => code.startsWith("5")).reduce((a, [, n]) => a + n, 0);
    return {
      engine: options.engine,
      instances,
      viaNginx: Boolean(options.nginxPort),
      load,
      created,
      answered,
      sessionsInDb,
      deliveriesInDb,
      lost: { sessions: Math.max(0, created - sessionsInDb), deliveries: Math.max(0, answered - deliveriesInDb) },
      extra: { sessions: Math.max(0, sessionsInDb - created), deliveries: Math.max(0, deliveriesInDb - answered) },
      fiveXx,
      transportErrors: errors,
      rssMaxMiB,
      rssIdleMiB,
      proxyRssMaxMiB,
      sessionsPerSec: (load.statusCounts["201"] ?? 0) / load.durationSec,
    };
  } finally {
    await nginx?.stop();
    for (const child of children) await stop(child);
    await dropDb().catch((error: unknown) => log("drop_failed", { error: String(error) }));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** nginx's master pid (its worker is a child, so the tree's RSS includes it). */
function nginxPid(proxy: NginxProxy): number {
  return Number(readFileSync(join(proxy.dir, "nginx.pid"), "utf8").trim());
}
