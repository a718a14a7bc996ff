// The admin CLI as a self-hoster runs it: `signet user:create`, then `signet token:create`,
// and the printed token works against the API — on PGlite (a data directory) and PostgreSQL.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import * as workflows from "@/app/api/v1/workflows/route";
import { setDbForTests } from "@/lib/db/client";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createTestDb } from "@/tests/helpers/test-db";
import { call, uniqueEmail } from "./api-test-kit";

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  setDbForTests(null);
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Where the CLI should write, and how the test then opens the same database. */
async function cliDatabase(): Promise<{ env: Record<string, string>; open(): Promise<Database> }> {
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64"), SIGNET_APP_KEY: randomBytes(32).toString("base64") };
  if (process.env.TEST_DATABASE_URL) {
    const db = await createTestDb();
    cleanups.push(() => db.close());
    return { env: { ...secrets, DATABASE_URL: db.databaseUrl! }, open: async () => db };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "signet-cli-test-"));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return {
    env: { ...secrets, SIGNET_DATA_DIR: dataDir },
    // Only after the CLI exited: one PGlite directory is never open in two processes.
    open: async () => {
      const db = await openDatabase({ dataDir });
      cleanups.push(() => db.close());
      return db;
    },
  };
}

async function signet(env: Record<string, string>, ...args: string[]) {
  // The parent's DATABASE_URL (if any) must not leak into a PGlite run.
  // Default log level, as a self-hoster runs it: logs must not reach stdout (the token alone does).
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.SIGNET_LOG_LEVEL;
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/signet.ts", ...args], { env: childEnv, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("signet user:create and token:create", () => {
  it("create a user and print a working token once", { timeout: 120_000 }, async () => {
    const target = await cliDatabase();
    const email = uniqueEmail("cli");
    const user = await signet(target.env, "user:create", "--email", email, "--password", "correct horse battery");
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toContain(email);

    const taken = await signet(target.env, "user:create", "--email", email, "--password", "correct horse battery");
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("already exists");

    const token = await signet(target.env, "token:create", "--email", email, "--name", "deploy");
    expect(token.code, token.stderr).toBe(0);
    const printed = token.stdout.trim();
    expect(printed).toMatch(/^sig_[A-Za-z0-9_-]{43}$/);
    expect(token.stderr).toContain("shown only now");

    const unknown = await signet(target.env, "token:create", "--email", uniqueEmail("nobody"));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user with the email");

    setDbForTests(await target.open());
    const listed = await call(workflows.GET, "GET", "/api/v1/workflows", {}, { token: printed });
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({ data: [], nextCursor: null });
    const created = await call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: printed, body: { name: "From the CLI token" } });
    expect(created.status).toBe(201);
  });
});
