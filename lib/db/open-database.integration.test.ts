import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testEngine, type TestDb } from "@/tests/helpers/test-db";
import { closeDb, getDatabase, getDb } from "./client";
import { openDatabase } from "./open-database";

describe("createTestDb", () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it("gives a migrated, working database on the engine under test", async () => {
    expect(db.engine).toBe(testEngine());
    const user = await db.prisma.user.create({ data: { email: "a@example.com", passwordHash: "x" }, select: { id: true } });
    const found = await db.prisma.user.findUnique({ where: { id: user.id }, select: { email: true, name: true } });
    expect(found).toEqual({ email: "a@example.com", name: null });
  });

  it("gives every caller its own database", async () => {
    const other = await createTestDb();
    try {
      await db.prisma.workspace.create({ data: { name: "mine" } });
      expect(await other.prisma.workspace.count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe("PGlite on disk", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "signet-db-"));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps data across reopen, migrates only once, and refuses a second open of the same directory", async () => {
    const first = await openDatabase({ dataDir });
    expect(first.engine).toBe("pglite");
    expect(first.migrations.applied.length).toBeGreaterThan(0);
    await first.prisma.workspace.create({ data: { name: "kept" } });
    await expect(openDatabase({ dataDir })).rejects.toThrow(/already open in this process/);
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(true);
    await first.close();
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);

    const again = await openDatabase({ dataDir });
    try {
      expect(again.migrations.applied).toEqual([]);
      expect(await again.prisma.workspace.findMany({ select: { name: true } })).toEqual([{ name: "kept" }]);
    } finally {
      await again.close();
    }
  });
});

describe("getDb", () => {
  const saved = { ...process.env };
  let dataDir: string;
  let serverDb: TestDb | undefined;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "signet-getdb-"));
    process.env.SIGNET_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    if (testEngine() === "postgres") {
      serverDb = await createTestDb();
      process.env.DATABASE_URL = serverDb.databaseUrl!;
      process.env.AUTH_SECRET = "a".repeat(44);
      process.env.SIGNET_APP_KEY = Buffer.alloc(32, 7).toString("base64");
    }
  });
  afterAll(async () => {
    await closeDb();
    await serverDb?.close();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("opens the configured database once, however many first callers race", async () => {
    const clients = await Promise.all([getDb(), getDb(), getDb()]);
    expect(clients[1]).toBe(clients[0]);
    expect(clients[2]).toBe(clients[0]);
    expect((await getDatabase()).engine).toBe(testEngine());
    expect(await clients[0].user.count()).toBe(0);
    await closeDb();
    // After closing, the next caller opens afresh (the PGlite directory is free again).
    const reopened = await getDb();
    expect(reopened).not.toBe(clients[0]);
    expect(await reopened.user.count()).toBe(0);
  });
});
