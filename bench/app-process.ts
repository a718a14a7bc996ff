// Starting and driving the built app from the benchmark: the admin CLI, readiness, the
// management API and a clean stop. Used by the ingest run (app-target.ts), the session
// page's JavaScript budget (session-bundle.ts) and the insights export (insights-bench.ts).
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

export const log = (event: string, fields: Record<string, unknown> = {}) => console.error(JSON.stringify({ bench: event, ...fields }));

/**
 * The environment of a built app the benchmark starts: production mode on 127.0.0.1, fresh
 * secrets (shared by every instance started with this environment), warnings-only logs.
 * `port` is left out when several instances each get their own.
 */
export function appEnv(options: { base: string; dataDir: string; databaseUrl: string; port?: number }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(options.port === undefined ? {} : { PORT: String(options.port) }),
    HOSTNAME: "127.0.0.1",
    SIGNET_PUBLIC_URL: options.base,
    SIGNET_DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    SIGNET_APP_KEY: randomBytes(32).toString("base64"),
    SIGNET_LOG_LEVEL: "warn",
    ...extra,
  };
}

export function cli(env: NodeJS.ProcessEnv, args: string[]): string {
  const run = spawnSync("node_modules/.bin/tsx", ["scripts/signet.ts", ...args], { env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`signet ${args[0]} failed: ${run.stderr}`);
  return run.stdout.trim();
}

export async function waitForApp(base: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} while starting`);
    try {
      const res = await fetch(`${base}/api/hooks/warm-up-unknown`, { method: "POST" });
      if (res.status === 404) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not start in time");
}

export async function api(base: string, token: string, path: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}
