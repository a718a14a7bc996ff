// The real app as a child process, for the process-level reliability and security tests:
// `npm start`'s server (built by `scripts/start.mjs --build-only`) on a fresh embedded data directory (or a fresh PostgreSQL
// database when TEST_DATABASE_URL is set), started, stopped, restarted and SIGKILLed like a
// production process would be. Its stdout/stderr lines are kept for the log assertions.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { createScratchPostgres } from "../../scripts/lib/scratch-postgres";
import { lateBound } from "../helpers/late-bound";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
const LOCK_FILE = "/tmp/signet-e2e.lock";
const TSX_CLI = join(REPO, "node_modules/tsx/dist/cli.mjs");

/** Where one app instance keeps its data, and the environment that points it there. */
export interface AppStore {
  engine: "pglite" | "postgres";
  env: Record<string, string>;
  dataDir: string;
  databaseUrl: string | null;
  /** Deletes the data directory / drops the database. */
  destroy(): Promise<void>;
}

/** A fresh, empty store for the engine under test (PostgreSQL when TEST_DATABASE_URL is set). */
export async function createAppStore(): Promise<AppStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "signet-rel-"));
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    return { engine: "pglite", env: { SIGNET_DATA_DIR: dataDir }, dataDir, databaseUrl: null, destroy: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchPostgres(serverUrl, "signet_rel");
  const databaseUrl = scratch.databaseUrl;
  return {
    engine: "postgres",
    env: {
      SIGNET_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      SIGNET_APP_KEY: randomBytes(32).toString("base64"),
    },
    dataDir,
    databaseUrl,
    destroy: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await scratch.drop();
    },
  };
}


/** The environment of the child: the store's, the port, and nothing of vitest's. */
function childEnv(store: AppStore, port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|TEST_DATABASE_URL|DATABASE_URL|SIGNET_|AUTH_SECRET|NODE_ENV|PORT|HOSTNAME)/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    ...store.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    SIGNET_PUBLIC_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

/** Runs the admin CLI against the store (PGlite: only while no app holds the directory). */
export function runCli(store: AppStore, args: string[]): string {
  const result = spawnSync(process.execPath, [TSX_CLI, "scripts/signet.ts", ...args], {
    cwd: REPO,
    env: childEnv(store, 3399, { SIGNET_LOG_LEVEL: "warn" }),
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`signet ${args[0]} failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Holds /tmp/signet-e2e.lock (shared with Playwright and every other start of the app) for as
 * long as the returned release is not called: a build by anyone else would replace `.next`
 * under our running server.
 */
export async function holdBuildLock(): Promise<() => Promise<void>> {
  const holder = spawn("flock", [LOCK_FILE, "sh", "-c", "echo locked; exec cat >/dev/null"], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolvePromise, reject) => {
    holder.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolvePromise();
    });
    holder.on("exit", (code) => reject(new Error(`flock exited ${code}`)));
  });
  return async () => {
    const exited = new Promise((r) => holder.once("exit", r));
    holder.stdin!.end();
    await exited;
  };
}

const SERVER_BUNDLE = ".next/signet-server.mjs";
let built = false;

/**
 * `npm start`'s build step (`scripts/start.mjs --build-only`: builds when the source changed),
 * once per test file. Call it while holding the build lock.
 */
export function ensureBuilt(store: AppStore): void {
  if (built) return;
  const result = spawnSync(process.execPath, ["scripts/start.mjs", "--build-only"], { cwd: REPO, env: childEnv(store, 3399, {}), encoding: "utf8", timeout: 900_000 });
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${(result.stdout + result.stderr).slice(-3000)}`);
  if (!existsSync(join(REPO, SERVER_BUNDLE))) throw new Error(`the build left no ${SERVER_BUNDLE}`);
  built = true;
}

export interface AppProcess {
  baseUrl: string;
  port: number;
  /** Every stdout/stderr line of every run of this app (across restarts). */
  logs: string[];
  child: ChildProcess;
  /** Starts the process (again); resolves when it answers HTTP. */
  start(): Promise<void>;
  /** SIGTERM to the whole process group, then waits for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL to the whole process group: no shutdown code runs. */
  kill(): Promise<void>;
  /** Peak resident set size (KiB) of the process group seen by sampleRss. */
  rssKiB(): number;
}

export function appProcess(store: AppStore, port: number, extraEnv: Record<string, string> = {}): AppProcess {
  const logs: string[] = [];
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const baseUrl = `http://127.0.0.1:${port}`;

  const capture = (stream: NodeJS.ReadableStream) => {
    let rest = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      logs.push(...lines);
    });
  };

  const signalGroup = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const group = child.pid!;
    try {
      process.kill(-group, signal);
    } catch {
      // Already gone.
    }
    await exited;
    // The leader exiting is not enough: anything it spawned may not be reaped yet, and a
    // supervisor restarts only once the whole service is gone.
    for (let waited = 0; waited < 10_000; waited += 50) {
      try {
        process.kill(-group, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`process group ${group} still exists 10 s after ${signal}`);
  };

  const app: AppProcess = {
    baseUrl,
    port,
    logs,
    get child() {
      return child!;
    },
    async start() {
      ensureBuilt(store);
      // The production server that `npm start` runs once the build is fresh. Started directly
      // so a restart never rebuilds from a working tree that changed meanwhile. Detached: its
      // own process group, so kill() reaches everything it spawned.
      child = spawn(process.execPath, [SERVER_BUNDLE], { cwd: REPO, env: childEnv(store, port, extraEnv), detached: true, stdio: ["ignore", "pipe", "pipe"] });
      const current = child;
      exited = new Promise((r) => current.once("exit", () => r()));
      capture(current.stdout!);
      capture(current.stderr!);
      const deadline = Date.now() + 600_000; // a first start may build the app
      for (;;) {
        if (current.exitCode !== null) throw new Error(`app exited with ${current.exitCode} before answering:\n${logs.slice(-30).join("\n")}`);
        try {
          const response = await fetch(`${baseUrl}/api/v1/openapi.json`, { signal: AbortSignal.timeout(5_000) });
          if (response.ok) return;
        } catch {
          // Not listening yet.
        }
        if (Date.now() > deadline) throw new Error(`app did not answer within 10 minutes:\n${logs.slice(-30).join("\n")}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    stop: () => signalGroup("SIGTERM"),
    kill: () => signalGroup("SIGKILL"),
    rssKiB: () => groupRssKiB(child?.pid),
  };
  return app;
}

export interface UsedApp {
  /** The fresh data directory or database of this file's apps. */
  store: AppStore;
  /** The app on the first port (often the only one). */
  app: AppProcess;
  /** One app per port, in the order given. */
  apps: AppProcess[];
}

/**
 * The test file's running apps (one per port, all on one fresh store): before its tests, a
 * store is created, `prepare` runs on it while no app holds it (the CLI, direct database
 * writes), the build lock is taken, and the apps are started; after them, the apps stop, the
 * lock is released and the store destroyed. The handles can be named at the top level and used
 * in tests and hooks; a beforeAll of the file's own, declared after this call, runs once the
 * apps answer.
 */
export function useAppProcess(options: { ports: number[]; env?: Record<string, string>; prepare?: (store: AppStore) => Promise<void> | void }): UsedApp {
  let store: AppStore | undefined;
  let release: (() => Promise<void>) | undefined;
  let running: AppProcess[] = [];
  beforeAll(async () => {
    store = await createAppStore();
    await options.prepare?.(store);
    release = await holdBuildLock();
    const apps = options.ports.map((port) => appProcess(store!, port, options.env));
    running = apps;
    for (const app of apps) await app.start();
  }, 900_000);
  afterAll(async () => {
    for (const app of running) await app.stop();
    await release?.();
    await store?.destroy();
    running = [];
    store = undefined;
  }, 120_000);
  const apps = options.ports.map((port, i) => lateBound(() => running[i], `useAppProcess()'s app on port ${port}`));
  return { store: lateBound(() => store, "useAppProcess()'s store"), app: apps[0]!, apps };
}

/** Resident memory (KiB) of every process in the group led by `pid` (Linux /proc via ps). */
export function groupRssKiB(pid: number | undefined): number {
  if (!pid) return 0;
  const ps = spawnSync("ps", ["-o", "rss=", "-g", String(pid)], { encoding: "utf8" });
  return ps.stdout.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
}
