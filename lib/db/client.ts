// The app's database: opened (and migrated) once per process from getConfig().
import { getConfig } from "@/lib/config/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, type Database } from "./open-database";

export type { PrismaClient };

// On globalThis because `next dev` re-evaluates modules on every edit: a module-level cache
// would open a second PGlite on the same directory (corruption) or leak PostgreSQL pools.
const holder = globalThis as { __signetDb?: Promise<Database> };

/** The process-wide database handle. Concurrent first callers share one open. */
export function getDatabase(): Promise<Database> {
  if (!holder.__signetDb) {
    const config = getConfig();
    const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
    // A failed open must not stick: the next caller retries (e.g. PostgreSQL was restarting).
    opening.catch(() => {
      if (holder.__signetDb === opening) holder.__signetDb = undefined;
    });
    holder.__signetDb = opening;
  }
  return holder.__signetDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Closes the process-wide database, e.g. at the end of a CLI command or on shutdown. */
export async function closeDb(): Promise<void> {
  const opening = holder.__signetDb;
  holder.__signetDb = undefined;
  if (opening) await (await opening).close();
}

/**
 * Tests only: points getDb() at a test database, so route handlers can be called directly in
 * integration tests. Pass null to forget it (the test closes its database itself).
 */
export function setDbForTests(db: Database | null): void {
  holder.__signetDb = db ? Promise.resolve(db) : undefined;
}
