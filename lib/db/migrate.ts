// Engine-free migration applier (docs/stack.md, "Prisma without its engine binary"). It writes `_prisma_migrations` exactly as
// Prisma does, so it is interchangeable with `prisma migrate deploy` and the wasm engine.
import { randomUUID } from "node:crypto";
import { logger } from "@/lib/log/logger";
import { defaultMigrationsDir, readMigrationFolders } from "./migration-files";

/** Prisma's own advisory-lock id: holding it also keeps `prisma migrate` out while we work. */
export const MIGRATION_LOCK_ID = 72707369;

/**
 * The few things the applier needs from a single database session. Session-level advisory
 * locks belong to one connection, so this must never be backed by a pool.
 */
export interface MigrationSession {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (a migration.sql). */
  exec(sql: string): Promise<void>;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

// Column for column what Prisma creates, so either tool can continue the other's history.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Applies every pending migration folder, each in its own transaction. Safe when several
 * processes migrate one PostgreSQL at once: the advisory lock serialises them and the
 * latecomers find nothing left to do.
 */
export async function applyMigrations(session: MigrationSession, migrationsDir = defaultMigrationsDir()): Promise<MigrateResult> {
  const folders = await readMigrationFolders(migrationsDir);
  await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
  try {
    // Created under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide.
    await session.exec(CREATE_TABLE);
    const rows = await session.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const live = rows.filter((r) => r.rolled_back_at === null);

    const failed = live.find((r) => r.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and was never finished. Fix the database by hand, then mark it rolled back ` +
          `(set rolled_back_at in "_prisma_migrations", or \`prisma migrate resolve --rolled-back ${failed.migration_name}\`) and start again.`,
      );
    }

    const applied = new Map(live.map((r) => [r.migration_name, r.checksum]));
    for (const folder of folders) {
      const checksum = applied.get(folder.name);
      if (checksum !== undefined && checksum !== folder.checksum) {
        throw new MigrationError(
          `Migration ${folder.name} was changed after it was applied to this database (checksum ${checksum.slice(0, 12)}… in the database, ` +
            `${folder.checksum.slice(0, 12)}… on disk). Applied migrations must never be edited: restore the original migration.sql ` +
            `and put the change in a new migration (npm run db:diff -- <name>).`,
        );
      }
    }
    const unknown = [...applied.keys()].filter((name) => !folders.some((f) => f.name === name));
    if (unknown.length > 0) {
      // A newer release may have migrated this database; an older one can often still run.
      logger.warn("db_migrations_unknown", { migrations: unknown });
    }

    const result: MigrateResult = { applied: [], alreadyApplied: applied.size };
    for (const folder of folders) {
      if (applied.has(folder.name)) continue;
      await applyOne(session, folder.name, folder.sql, folder.checksum);
      result.applied.push(folder.name);
      logger.info("db_migration_applied", { migration: folder.name });
    }
    return result;
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
  }
}

async function applyOne(session: MigrationSession, name: string, sql: string, checksum: string): Promise<void> {
  await session.exec("BEGIN");
  try {
    const started = new Date();
    await session.exec(sql);
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 1)`,
      [randomUUID(), checksum, name, started],
    );
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK");
    const message = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${name} failed and was rolled back: ${message}`);
  }
}
