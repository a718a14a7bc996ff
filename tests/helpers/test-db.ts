// Databases for integration tests: PGlite in memory by default; with TEST_DATABASE_URL set,
// a fresh database on that PostgreSQL server per call, dropped again on close, so test files
// running in parallel never see each other's rows.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { lateBound } from "./late-bound";
import { openDatabase, pgliteSession, pgSession, type Database } from "@/lib/db/open-database";
import { createScratchPostgres } from "@/scripts/lib/scratch-postgres";
import type { MigrationSession } from "@/lib/db/migrate";

export interface TestDb extends Database {
  /** URL of the per-test PostgreSQL database, or null on PGlite. */
  databaseUrl: string | null;
}

/** Connections of a test database's Prisma pool on PostgreSQL. */
export const TEST_DB_POOL_SIZE = 5;

/** The engine under test: "postgres" when TEST_DATABASE_URL is set. */
export function testEngine(): "pglite" | "postgres" {
  return process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
}

/** A migrated, empty database with its PrismaClient; close it yourself (useTestDatabase does both for a test file). */
export async function createTestDb(options: { migrationsDir?: string } = {}): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    return { ...(await openDatabase({ memory: true, migrationsDir: options.migrationsDir })), databaseUrl: null };
  }
  const scratch = await createScratchPostgres(serverUrl);
  try {
    const db = await openDatabase({ databaseUrl: scratch.databaseUrl, poolSize: TEST_DB_POOL_SIZE, migrationsDir: options.migrationsDir });
    return {
      ...db,
      databaseUrl: scratch.databaseUrl,
      close: async () => {
        await db.close();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/**
 * The test file's database: a fresh one opened before its tests and closed after them. Use it
 * inside tests and hooks (it opens in beforeAll, so not at import time); a beforeAll of the
 * file's own, declared after this call, runs once it is open.
 */
export function useTestDatabase(options: { migrationsDir?: string } = {}): TestDb {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await createTestDb(options);
  });
  afterAll(async () => {
    await db?.close();
    db = undefined;
  });
  return lateBound(() => db, "useTestDatabase()'s database");
}

/**
 * An empty, unmigrated database for tests of migrations themselves: raw sessions (each a
 * single connection, like a separate process) and an adapter for the wasm schema engine.
 */
export interface ScratchDatabase {
  engine: "pglite" | "postgres";
  openSession(): Promise<MigrationSession & { close(): Promise<void> }>;
  adapterFactory(): SqlMigrationAwareDriverAdapterFactory;
  drop(): Promise<void>;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = new PGlite();
    return {
      engine: "pglite",
      // PGlite has exactly one session; closing it here would close the database.
      openSession: async () => ({ ...pgliteSession(pglite), close: async () => {} }),
      adapterFactory: () => new PrismaPGlite(pglite),
      drop: () => pglite.close(),
    };
  }
  const scratch = await createScratchPostgres(serverUrl);
  return {
    engine: "postgres",
    openSession: async () => {
      const client = new pg.Client({ connectionString: scratch.databaseUrl });
      await client.connect();
      return { ...pgSession(client), close: () => client.end() };
    },
    adapterFactory: () => new PrismaPg({ connectionString: scratch.databaseUrl, max: 2 }),
    drop: scratch.drop,
  };
}

