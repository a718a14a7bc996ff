// `npm run bench`: the webhook ingest benchmark and the insights benchmark. In one run, on 127.0.0.1:
//   1. a bare node:http server that only verifies the HMAC (bench/bare-server.mjs): the limit;
//   2. the built app on embedded PGlite, then on PostgreSQL (a scratch database), loaded on
//      POST /api/hooks/{id} with signed 1 KiB bodies at 50 connections; then on PostgreSQL
//      again as 1 and 2 instances behind nginx (deploy/nginx.conf), to show what the proxy
//      costs and what a second instance brings;
//   3. sessions and delivery rows counted afterwards: lost or extra rows reported;
//   4. the session page's JavaScript budget: a cold load of a two-field session in chromium at
//      390 and 1280 px fetches at most 200 KiB of script, prefetches nothing, holds no builder
//      code (bench/session-bundle.ts);
//   5. insights (bench/insights-bench.ts): a million delivery rows and 200,000 sessions on a
//      scratch PostgreSQL database, the overview's queries timed, the CSV export streamed;
//   6. completion-webhook dispatch (bench/dispatch-bench.ts): sessions completed at a steady
//      rate on each engine, their messages delivered by the job runner to a local receiver;
//      delivered messages/s (also as a ratio to the limit), completion → first attempt p50/p99,
//      lost and duplicate deliveries;
//   7. a table (req/s, p50, p99, errors, RSS, ratio to the limit) on stdout and
//      bench/results/latest.json. Exit code 1 when a target is missed.
// Holds /tmp/signet-e2e.lock for the whole run: .next is shared with the e2e suite, which
// rebuilds it when stale, and must not change under the running app.
// Options (env): BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_ENGINES (pglite,postgres),
// BENCH_NGINX_INSTANCES (1,2; empty to skip the runs behind nginx),
// BENCH_POSTGRES_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_SUITES (ingest,session-page,insights,dispatch), BENCH_DISPATCH_SECONDS (10),
// BENCH_DISPATCH_RATE (postgres 2000, pglite 500: sessions completed per second).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { runApp, type AppRun } from "./app-target";
import { runBare } from "./bare-target";
import { measureEngineOverhead, OVERHEAD_LIMIT, runHmacBench } from "./hmac-bench";
import { nginxBinary } from "../scripts/lib/nginx-proxy";
import { formatTable, TARGETS, checkTargets, proxyCost } from "./report";
import { insightsChecks, runInsightsBench, type InsightsRun } from "./insights-bench";
import { checkSessionBundle, runSessionBundle } from "./session-bundle";
import { DISPATCH_TARGETS, dispatchChecks, formatDispatchTable, runDispatchBench, type DispatchRun } from "./dispatch-bench";
import { kib } from "../tests/helpers/script-bytes";

const LOCK = "/tmp/signet-e2e.lock";

if (process.env.SIGNET_BENCH_LOCKED !== "1") {
  console.error(`waiting for ${LOCK} (the e2e suite shares .next)…`);
  const run = spawnSync("flock", [LOCK, "node_modules/.bin/tsx", "bench/run.ts"], { stdio: "inherit", env: { ...process.env, SIGNET_BENCH_LOCKED: "1" } });
  process.exit(run.status ?? 1);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const engines = (process.env.BENCH_ENGINES ?? "pglite,postgres").split(",").map((e) => e.trim());
const behindNginx = (process.env.BENCH_NGINX_INSTANCES ?? "1,2").split(",").map((n) => n.trim()).filter(Boolean).map(Number);
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const suites = new Set((process.env.BENCH_SUITES ?? "ingest,session-page,insights,dispatch").split(",").map((s) => s.trim()));

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const startedAt = new Date();
  const loadBefore = loadavg();
  // The dispatch suite runs in this process; the others start the built app.
  if (["ingest", "session-page", "insights"].some((suite) => suites.has(suite))) {
    const build = spawnSync(process.execPath, ["scripts/start.mjs", "--build-only"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("build failed");
  }

  const skipLimit = process.env.BENCH_SKIP_LIMIT === "1" || !(suites.has("ingest") || suites.has("dispatch")); // profiling runs only
  const limit = skipLimit ? { reqPerSec: 1, p50Ms: 0, p99Ms: 0, errors: 0, statusCounts: {}, requests: 0, durationSec: 0, poolExhausted: false, rssMaxMiB: 0 } : await runBare({ port: 3299, connections, warmupSec: 2, durationSec: seconds });
  console.error(JSON.stringify({ bench: "limit", reqPerSec: Math.round(limit.reqPerSec) }));
  // The engine alone first, while nothing else of ours runs: verifications/s per algorithm on
  // a 1 KiB body next to Node's raw createHmac, and the engine's overhead over raw SHA-256.
  const hmacRows = suites.has("ingest") ? runHmacBench() : [];
  const hmacOverhead = suites.has("ingest") ? measureEngineOverhead() : null;
  if (suites.has("ingest")) {
    console.log("HMAC verification, 1 KiB body, one active secret");
    console.table(hmacRows.map((r) => ({ case: r.name, "verifications/s": r.opsPerSec.toLocaleString("en-US"), "× raw sha256": r.ratioToRawSha256 })));
  }

  const apps: AppRun[] = [];
  // Enough distinct messages for the run (unused ones cost only memory in this process).
  const poolSize = Math.max(20_000, seconds * 12_000);
  for (const engine of suites.has("ingest") ? engines : []) {
    if (engine === "postgres" && !(await postgresReachable(postgresUrl))) {
      console.error(JSON.stringify({ bench: "postgres_skipped", reason: "not reachable" }));
      continue;
    }
    if (engine !== "pglite" && engine !== "postgres") throw new Error(`unknown engine ${engine}`);
    apps.push(await runApp({ engine, serverUrl: postgresUrl, port: 3200, connections, warmupSec: 2, durationSec: seconds, poolSize }));
    console.error(JSON.stringify({ bench: "app", engine, reqPerSec: Math.round(apps.at(-1)!.load.reqPerSec) }));
  }
  if (behindNginx.length > 0 && suites.has("ingest")) {
    const skip = !nginxBinary() ? "nginx is not installed" : !(await postgresReachable(postgresUrl)) ? "PostgreSQL not reachable" : null;
    for (const instances of skip ? [] : behindNginx) {
      if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error(`BENCH_NGINX_INSTANCES: ${instances} is not 1–8`);
      apps.push(await runApp({ engine: "postgres", serverUrl: postgresUrl, instances, port: 3211, nginxPort: 3210, connections, warmupSec: 2, durationSec: seconds, poolSize }));
      console.error(JSON.stringify({ bench: "app_via_nginx", instances, reqPerSec: Math.round(apps.at(-1)!.load.reqPerSec) }));
    }
    if (skip) console.error(JSON.stringify({ bench: "nginx_skipped", reason: skip }));
  }
  const sessionBundle = suites.has("session-page") ? await runSessionBundle({ port: 3201 }) : null;
  if (sessionBundle) {
    console.log("\nSession page, cold load of a two-field session (chromium)");
    console.table(sessionBundle.loads.map((l) => ({ width: `${l.width} px`, JavaScript: kib(l.scriptBytes), "of it inline": kib(l.inlineBytes), scripts: l.scripts, prefetches: l.prefetches })));
  }
  let insights: InsightsRun | null = null;
  if (suites.has("insights")) {
    if (await postgresReachable(postgresUrl)) insights = await runInsightsBench({ serverUrl: postgresUrl, port: 3202 });
    else console.error(JSON.stringify({ bench: "insights_skipped", reason: "PostgreSQL not reachable" }));
  }
  const dispatch: DispatchRun[] = [];
  for (const engine of suites.has("dispatch") ? engines : []) {
    if (engine === "postgres" && !(await postgresReachable(postgresUrl))) {
      console.error(JSON.stringify({ bench: "dispatch_skipped", engine, reason: "PostgreSQL not reachable" }));
      continue;
    }
    const perSec = Number(process.env.BENCH_DISPATCH_RATE ?? DISPATCH_TARGETS[engine as "pglite" | "postgres"].perSec);
    dispatch.push(await runDispatchBench({ engine: engine as "pglite" | "postgres", serverUrl: postgresUrl, receiverPort: 3298, perSec, seconds: Number(process.env.BENCH_DISPATCH_SECONDS ?? 10) }));
    console.error(JSON.stringify({ bench: "dispatch", ...dispatch.at(-1) }));
  }
  if (dispatch.length > 0) console.log(`\n${formatDispatchTable(dispatch, skipLimit ? null : limit.reqPerSec)}`);
  const checks = [
    ...(hmacOverhead
      ? [
          {
            name: `hmac: engine overhead over raw HMAC-SHA256 < ${OVERHEAD_LIMIT * 100} %`,
            ok: hmacOverhead.overhead < OVERHEAD_LIMIT,
            detail: `${(hmacOverhead.overhead * 100).toFixed(1)} % (raw ${hmacOverhead.rawOpsPerSec.toLocaleString("en-US")}/s, engine ${hmacOverhead.engineOpsPerSec.toLocaleString("en-US")}/s)`,
          },
        ]
      : []),
    ...(suites.has("ingest") ? checkTargets(limit, apps) : []),
    ...(sessionBundle ? checkSessionBundle(sessionBundle) : []),
    ...(insights ? insightsChecks(insights) : []),
    ...dispatchChecks(dispatch),
  ];
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgBefore: loadBefore, loadavgAfter: loadavg() },
    commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim(),
    settings: { seconds, connections, bodyBytes: 1024, scheme: "standard-webhooks HMAC-SHA256" },
    targets: TARGETS,
    hmac: { rows: hmacRows, overhead: hmacOverhead },
    limit,
    apps,
    proxyCost: proxyCost(apps),
    sessionBundle,
    insights,
    dispatch: dispatch.map((d) => ({ ...d, ratioToLimit: skipLimit ? null : d.deliveredPerSec / limit.reqPerSec })),
    checks,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/latest.json", JSON.stringify(report, null, 2) + "\n");
  if (insights) {
    console.log(
      `\nInsights on PostgreSQL: ${insights.seed.deliveries.toLocaleString("en-US")} deliveries, ${insights.seed.sessions.toLocaleString("en-US")} sessions (seeded in ${insights.seed.seedSeconds.toFixed(0)} s); ` +
        `cold roll-up of 31 days ${Math.round(insights.coldRollupMs)} ms; load average ${insights.loadavg.queriesStart.toFixed(1)} → ${insights.loadavg.queriesEnd.toFixed(1)} during the timings`,
    );
    console.table(insights.queries.map((q) => ({ query: q.query, runs: q.runs, "p50 ms": q.p50Ms.toFixed(1), "p95 ms": q.p95Ms.toFixed(1), "max ms": q.maxMs.toFixed(1) })));
  }
  console.log(suites.has("ingest") ? formatTable(limit, apps, checks, report.machine) : checks.map((c) => `${c.ok ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`).join("\n"));
  console.log("\nwritten: bench/results/latest.json");
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
