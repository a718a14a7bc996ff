// The insights benchmark (part of `npm run bench`, or alone with BENCH_SUITES=insights), on
// a scratch PostgreSQL database seeded by insights-seed.ts:
//   1. the overview's queries, each timed over every range (24h/7d/30d) × mode (live/test),
//      plus the workspace home's sparklines, after one cold roll-up of the hourly counts;
//   2. the sessions export of all 200,000 sessions as CSV over HTTP from the built app,
//      read as fast as the client can: rows/s and the app's RSS growth over its idle RSS.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../lib/db/open-database";
import { rollUpDeliveries } from "../lib/insights/delivery-rollup";
import { getWorkflowOverview } from "../lib/insights/get-workflow-overview";
import { deliveryBucketCounts, liveRejectionsPerDay, liveSessionsPerDay, medianSecondsToComplete, sessionStepCounts } from "../lib/insights/insights-repository";
import { INSIGHT_RANGES, rangeWindow, type TInsightRange } from "../lib/insights/ranges";
import { createScratchPostgres } from "../scripts/lib/scratch-postgres";
import { serverNodeArgs } from "../scripts/build-server.mjs";
import { seedInsights, type InsightsSeed } from "./insights-seed";
import { appEnv, log, stop, waitForApp } from "./app-process";
import { sampleRss, treeRssMiB } from "./rss";

export const INSIGHTS_TARGETS = { queryP95Ms: 150, exportRowsPerSec: 20_000, exportRssGrowthMiB: 50 } as const;

export interface QueryTiming {
  query: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface InsightsRun {
  seed: Omit<InsightsSeed, "token">;
  /** 1-minute load average when the query timings started and ended (the machine is shared). */
  loadavg: { queriesStart: number; queriesEnd: number };
  coldRollupMs: number;
  queries: QueryTiming[];
  export: { rows: number; bytes: number; seconds: number; rowsPerSec: number; firstByteMs: number; rssIdleMiB: number; rssMaxMiB: number; rssGrowthMiB: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function time(samples: Map<string, number[]>, name: string, run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  samples.set(name, [...(samples.get(name) ?? []), ms]);
}

/** Reads a streamed answer to the end, counting line ends (the seeded values have none inside). */
async function drain(response: Response, onFirstByte: () => void): Promise<{ bytes: number; lines: number }> {
  const reader = response.body!.getReader();
  let bytes = 0;
  let lines = 0;
  let first = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines };
    if (first) {
      onFirstByte();
      first = false;
    }
    bytes += value.byteLength;
    for (let i = 0; i < value.byteLength; i++) if (value[i] === 10) lines++;
  }
}

export async function runInsightsBench(options: { serverUrl: string; port: number; rounds?: number }): Promise<InsightsRun> {
  const scratch = await createScratchPostgres(options.serverUrl, "signet_bench");
  const dataDir = mkdtempSync(join(tmpdir(), "signet-bench-insights-"));
  let child: ChildProcess | undefined;
  try {
    const db = await openDatabase({ databaseUrl: scratch.databaseUrl, poolSize: 4 });
    let seed: InsightsSeed;
    let coldRollupMs: number;
    let loadStart = 0;
    let loadEnd = 0;
    const samples = new Map<string, number[]>();
    try {
      seed = await seedInsights(db.prisma, scratch.databaseUrl);
      log("insights_seeded", { deliveries: seed.deliveries, sessions: seed.sessions, seconds: Math.round(seed.seedSeconds) });
      const actor = { userId: seed.userId };
      const started = performance.now();
      await rollUpDeliveries(db.prisma, seed.workflowIds, new Date());
      coldRollupMs = performance.now() - started;
      log("insights_cold_rollup", { ms: Math.round(coldRollupMs) });

      loadStart = loadavg()[0]!;
      for (let round = 0; round < (options.rounds ?? 20); round++) {
        const now = new Date();
        const rolledUntil = await rollUpDeliveries(db.prisma, seed.workflowIds, now);
        for (const range of Object.keys(INSIGHT_RANGES) as TInsightRange[]) {
          const window = rangeWindow(range, now);
          for (const test of [false, true]) {
            const scope = { workflowId: seed.busyWorkflowId, test, start: window.start, now };
            await time(samples, "deliveries per bucket", () => deliveryBucketCounts(db.prisma, { ...scope, unit: window.unit, rolledUntil }));
            await time(samples, "session funnel", () => sessionStepCounts(db.prisma, scope));
            await time(samples, "median time to complete", () => medianSecondsToComplete(db.prisma, scope));
            await time(samples, `${WHOLE} (auth, roll-up check, 3 queries side by side)`, () => getWorkflowOverview(db.prisma, actor, seed.busyWorkflowId, { range, test }, { now }));
          }
        }
        const week = rangeWindow("7d", now);
        await time(samples, "workspace sparklines: sessions", () => liveSessionsPerDay(db.prisma, seed.workflowIds, week.start, now));
        await time(samples, "workspace sparklines: rejections", () => liveRejectionsPerDay(db.prisma, seed.workflowIds, week.start, rolledUntil, now));
      }
      loadEnd = loadavg()[0]!;
    } finally {
      await db.close();
    }
    const queries: QueryTiming[] = [...samples].map(([query, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return { query, runs: sorted.length, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), maxMs: sorted.at(-1)! };
    });

    const base = `http://127.0.0.1:${options.port}`;
    const env = appEnv({ base, dataDir, databaseUrl: scratch.databaseUrl, port: options.port });
    child = spawn(process.execPath, serverNodeArgs(env), { env, stdio: ["ignore", "ignore", "inherit"] });
    await waitForApp(base, child);
    const url = (query: string) => `${base}/api/v1/workflows/${seed.busyWorkflowId}/sessions/export?${query}`;
    const headers = { authorization: `Bearer ${seed.token}` };
    // Warm-up: the route's first call loads its code; a day's export is small.
    const warm = await fetch(url(`format=csv&from=${new Date(Date.now() - 86_400_000).toISOString()}`), { headers });
    await drain(warm, () => {});
    const rssIdleMiB = treeRssMiB(child.pid!);
    const rss = sampleRss(child.pid!, 100);
    const started = performance.now();
    let firstByteMs = 0;
    const response = await fetch(url("format=csv"), { headers });
    if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    const { bytes, lines } = await drain(response, () => (firstByteMs = performance.now() - started));
    const seconds = (performance.now() - started) / 1000;
    const rssMaxMiB = rss.stop();
    const rows = lines - 1; // the header
    log("insights_export", { rows, seconds: seconds.toFixed(2), rowsPerSec: Math.round(rows / seconds), rssGrowthMiB: Math.round(rssMaxMiB - rssIdleMiB) });
    const { token: _token, ...seedInfo } = seed;
    void _token;
    return {
      seed: seedInfo,
      loadavg: { queriesStart: loadStart, queriesEnd: loadEnd },
      coldRollupMs,
      queries,
      export: { rows, bytes, seconds, rowsPerSec: rows / seconds, firstByteMs, rssIdleMiB, rssMaxMiB, rssGrowthMiB: rssMaxMiB - rssIdleMiB },
    };
  } finally {
    if (child) await stop(child);
    await scratch.drop().catch((error: unknown) => log("drop_failed", { error: String(error) }));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The whole overview call is reported for context; the target is on each of its queries. */
const WHOLE = "whole overview";

export function insightsChecks(run: InsightsRun) {
  const t = INSIGHTS_TARGETS;
  return [
    ...run.queries.filter((q) => !q.query.startsWith(WHOLE)).map((q) => ({ name: `insights: ${q.query} p95 < ${t.queryP95Ms} ms`, ok: q.p95Ms < t.queryP95Ms, detail: `${q.p95Ms.toFixed(1)} ms (p50 ${q.p50Ms.toFixed(1)}, max ${q.maxMs.toFixed(1)}, ${q.runs} runs)` })),
    {
      name: `insights: export ${run.export.rows.toLocaleString("en-US")} sessions as CSV ≥ ${t.exportRowsPerSec.toLocaleString("en-US")} rows/s`,
      ok: run.export.rows === run.seed.sessions && run.export.rowsPerSec >= t.exportRowsPerSec,
      detail: `${Math.round(run.export.rowsPerSec).toLocaleString("en-US")} rows/s (${run.export.seconds.toFixed(2)} s, first byte ${Math.round(run.export.firstByteMs)} ms)`,
    },
    {
      name: `insights: export RSS growth < ${t.exportRssGrowthMiB} MiB`,
      ok: run.export.rssGrowthMiB < t.exportRssGrowthMiB,
      detail: `${run.export.rssGrowthMiB.toFixed(1)} MiB (idle ${run.export.rssIdleMiB.toFixed(0)}, max ${run.export.rssMaxMiB.toFixed(0)})`,
    },
  ];
}
