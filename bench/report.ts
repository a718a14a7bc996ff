import type { AppRun } from "./app-target";
import type { BareRun } from "./bare-target";

// The benchmark's targets (issue 7) and its table. Ratios compare each app figure with the
// limit measured in the same run, so a busy machine moves both.

export const TARGETS = {
  postgres: { sessionsPerSec: 4000, p99Ms: 50, ratio: 0.12, rssMiB: 400 },
  pglite: { sessionsPerSec: 1500 },
} as const;

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function checkTargets(limit: BareRun, apps: AppRun[]): Check[] {
  const checks: Check[] = [];
  for (const app of apps) {
    const lost = app.lost.sessions + app.lost.deliveries;
    checks.push({ name: `${app.engine}: zero lost`, ok: lost === 0, detail: `sessions ${app.lost.sessions}, deliveries ${app.lost.deliveries}` });
    if (app.engine === "postgres") {
      const t = TARGETS.postgres;
      checks.push(
        { name: `postgres: ≥ ${t.sessionsPerSec} sessions/s`, ok: app.sessionsPerSec >= t.sessionsPerSec, detail: app.sessionsPerSec.toFixed(0) },
        { name: `postgres: p99 < ${t.p99Ms} ms`, ok: app.load.p99Ms < t.p99Ms, detail: `${app.load.p99Ms} ms` },
        { name: `postgres: ≥ ${t.ratio} of the limit`, ok: app.load.reqPerSec / limit.reqPerSec >= t.ratio, detail: (app.load.reqPerSec / limit.reqPerSec).toFixed(3) },
        { name: "postgres: zero 5xx", ok: app.fiveXx === 0, detail: String(app.fiveXx) },
        { name: `postgres: RSS < ${t.rssMiB} MiB`, ok: app.rssMaxMiB < t.rssMiB, detail: `${app.rssMaxMiB.toFixed(0)} MiB` },
      );
    } else {
      const t = TARGETS.pglite;
      checks.push({ name: `pglite: ≥ ${t.sessionsPerSec} sessions/s`, ok: app.sessionsPerSec >= t.sessionsPerSec, detail: app.sessionsPerSec.toFixed(0) });
    }
  }
  return checks;
}

const errorsOf = (statusCounts: Record<string, number>, transport: number, ok: (code: string) => boolean) =>
  transport + Object.entries(statusCounts).filter(([code]) => !ok(code)).reduce((a, [, n]) => a + n, 0);

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

export function formatTable(limit: BareRun, apps: AppRun[], checks: Check[], machine: { cpus: number; loadavgBefore: number[]; loadavgAfter: number[] }): string {
  const ratio = (n: number) => (n / limit.reqPerSec).toFixed(3);
  const lines = [
    row(["target", "req/s", "sessions/s", "p50 ms", "p99 ms", "errors", "RSS MiB", "req/s ÷ limit", "lost / extra rows"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---"]),
    row(["bare node:http + HMAC verify (limit)", limit.reqPerSec.toFixed(0), "–", String(limit.p50Ms), String(limit.p99Ms), String(errorsOf(limit.statusCounts, limit.errors, (c) => c === "201")), limit.rssMaxMiB.toFixed(0), "1.000", "–"]),
  ];
  for (const app of apps) {
    const { load } = app;
    lines.push(
      row([
        `app, ${app.engine === "pglite" ? "PGlite (embedded)" : "PostgreSQL"}`,
        load.reqPerSec.toFixed(0),
        app.sessionsPerSec.toFixed(0),
        String(load.p50Ms),
        String(load.p99Ms),
        String(errorsOf(load.statusCounts, load.errors, (c) => c === "201")),
        app.rssMaxMiB.toFixed(0),
        ratio(load.reqPerSec),
        `lost ${app.lost.sessions}+${app.lost.deliveries}, extra ${app.extra.sessions}+${app.extra.deliveries} (sessions+deliveries; ${app.sessionsInDb} sessions, ${app.deliveriesInDb} deliveries in DB)`,
      ]),
    );
  }
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(" ");
  lines.push("", `${machine.cpus} CPUs; load average before ${load(machine.loadavgBefore)}, after ${load(machine.loadavgAfter)}; load generator (autocannon, 50 connections) on the same machine.`);
  lines.push("", ...checks.map((c) => `${c.ok ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`));
  return lines.join("\n");
}
