// A database that the admin CLI (`npm run signet -- …`, a separate process) and the test file
// both use, as on an operator's machine: a fresh PostgreSQL database with TEST_DATABASE_URL,
// else a fresh PGlite data directory. PGlite allows one process per directory, so the test
// opens it only between CLI runs (withDb closes it again). Removed after the file.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createTestDb, type TestDb } from "./test-db";

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliDatabase {
  /** Runs `signet <args>` on this database with the default log level; `env` is added. */
  signet(args: string[], env?: Record<string, string>): Promise<CliResult>;
  /** Runs `fn` with the database open in this process (on PGlite it is closed again after). */
  withDb<T>(fn: (db: Database) => Promise<T>): Promise<T>;
}

export function useCliDatabase(): CliDatabase {
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64"), SIGNET_APP_KEY: randomBytes(32).toString("base64") };
  let postgres: TestDb | null = null;
  let dataDir: string | null = null;
  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) postgres = await createTestDb();
    else dataDir = mkdtempSync(join(tmpdir(), "signet-cli-test-"));
  });
  afterAll(async () => {
    await postgres?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    async signet(args, env = {}) {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...secrets, ...env };
      // As a self-hoster runs it: logs must not reach stdout. The parent's DATABASE_URL (if any) must not leak into a PGlite run.
      delete childEnv.SIGNET_LOG_LEVEL;
      if (postgres) childEnv.DATABASE_URL = postgres.databaseUrl!;
      else {
        delete childEnv.DATABASE_URL;
        childEnv.SIGNET_DATA_DIR = dataDir!;
      }
      try {
        const { stdout, stderr } = await run("npx", ["tsx", "scripts/signet.ts", ...args], { env: childEnv, timeout: 120_000 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
    async withDb(fn) {
      if (postgres) return fn(postgres);
      const db = await openDatabase({ dataDir: dataDir! });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
  };
}
