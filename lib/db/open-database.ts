// The one place that constructs PrismaClient. Both engines speak PostgreSQL, so the rest of
// the app never knows which one it has.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { join, resolve } from "node:path";
import { mkdirSync } from "node:fs";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { applyMigrations, type MigrateResult, type MigrationSession } from "./migrate";
import { describeDatabaseUrl } from "./database-url";
import { closeDirectPostgres } from "./hot-path-sql";
import { lockPgliteDir } from "./pglite-lock";
import { registerPool, unregisterPool } from "./pool-registry";

export type DatabaseEngine = "pglite" | "postgres";

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; null/undefined means embedded PGlite. */
  databaseUrl?: string | null;
  /** Where PGlite keeps its files (under `<dataDir>/pglite`). Defaults to ./data. */
  dataDir?: string;
  /** PGlite in memory, for tests: nothing touches the disk. */
  memory?: boolean;
  /** PostgreSQL pool size (the app passes getConfig().dbPoolSize); defaults to 10. */
  poolSize?: number;
  /** Defaults to prisma/migrations under the working directory. */
  migrationsDir?: string;
}

/** What a second client of the same database (the job queue) connects through. */
export type DatabaseConnection = { engine: "pglite"; pglite: PGlite } | { engine: "postgres"; url: string };

export interface Database {
  prisma: PrismaClient;
  engine: DatabaseEngine;
  /** PGlite allows one instance per process, so the job queue shares it; on PostgreSQL, the URL. */
  connection: DatabaseConnection;
  /** What migrations this open applied (empty when the database was up to date). */
  migrations: MigrateResult;
  close(): Promise<void>;
}

// PGlite takes no lock on its directory and two instances on one directory corrupt it, so
// the process remembers which directories it has open (on globalThis: dev reloads re-run
// this module but keep the process).
const openDirs: Set<string> = ((globalThis as { __signetPgliteDirs?: Set<string> }).__signetPgliteDirs ??= new Set());

/** Opens the database, applying pending migrations before anyone can query it. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

export function pgliteSession(db: PGlite): MigrationSession {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    exec: async (sql: string) => {
      await db.exec(sql);
    },
  };
}

export function pgSession(client: pg.Client): MigrationSession {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
    // Without parameters pg uses the simple protocol, which runs a multi-statement script.
    exec: async (sql: string) => {
      await client.query(sql);
    },
  };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const dir = options.memory ? null : join(resolve(/*turbopackIgnore: true*/ options.dataDir ?? "./data"), "pglite");
  let unlock = () => {};
  if (dir !== null) {
    if (openDirs.has(dir)) throw new Error(`PGlite data directory ${dir} is already open in this process; reuse that database`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    unlock = lockPgliteDir(dir);
    openDirs.add(dir);
  }
  let pglite: PGlite | undefined;
  try {
    pglite = dir === null ? new PGlite() : new PGlite(dir);
    const migrations = await applyMigrations(pgliteSession(pglite), options.migrationsDir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    logger.info("db_opened", { engine: "pglite", location: dir ?? "memory", applied: migrations.applied });
    const opened = pglite;
    return {
      prisma,
      engine: "pglite",
      connection: { engine: "pglite", pglite: opened },
      migrations,
      close: async () => {
        await prisma.$disconnect();
        await opened.close();
        if (dir !== null) openDirs.delete(dir);
        unlock();
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => {});
    if (dir !== null) openDirs.delete(dir);
    unlock();
    throw error;
  }
}

async function openPostgres(databaseUrl: string, options: OpenDatabaseOptions): Promise<Database> {
  // A dedicated connection: the migration advisory lock is held by one session, not a pool.
  const client = new pg.Client({ connectionString: databaseUrl });
  let migrations: MigrateResult;
  await client.connect();
  try {
    migrations = await applyMigrations(pgSession(client), options.migrationsDir);
  } finally {
    await client.end();
  }
  const max = options.poolSize ?? 10;
  // Our own pool (not one the adapter makes): /metrics reports its use, and close() ends it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  registerPool("prisma", pool);
  logger.info("db_opened", { engine: "postgres", location: describeDatabaseUrl(databaseUrl), pool: max, applied: migrations.applied });
  const close = async () => {
    unregisterPool(pool);
    await closeDirectPostgres(prisma);
    await prisma.$disconnect();
    await pool.end();
  };
  return { prisma, engine: "postgres", connection: { engine: "postgres", url: databaseUrl }, migrations, close };
}
