// Reads prisma/migrations in Prisma's own folder format, so `prisma migrate deploy` and our
// engine-free applier see exactly the same history.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { migrationsDirFromEnv } from "@/lib/config/env";

export interface MigrationFolder {
  /** Folder name, e.g. `20261101120000_init`; also the `migration_name` Prisma records. */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, as Prisma computes it. */
  checksum: string;
}

/**
 * Where migrations are read from. `next start`, vitest and tsx scripts all run from the
 * project root, so process.cwd() is right for all of them; SIGNET_MIGRATIONS_DIR exists for
 * deployments that run the app from elsewhere.
 */
export function defaultMigrationsDir(): string {
  // turbopackIgnore: a run-time path; without it the build traces the whole project.
  return resolve(/*turbopackIgnore: true*/ migrationsDirFromEnv() ?? join(process.cwd(), "prisma", "migrations"));
}

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Migration folders in name (= timestamp) order. A missing directory means no migrations. */
export async function readMigrationFolders(migrationsDir: string): Promise<MigrationFolder[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const folders: MigrationFolder[] = [];
  for (const name of names) {
    const file = join(migrationsDir, name, "migration.sql");
    // Prisma skips folders without migration.sql (e.g. a half-created one); so do we.
    if (!existsSync(file)) continue;
    const sql = await readFile(file, "utf8");
    folders.push({ name, sql, checksum: migrationChecksum(sql) });
  }
  return folders;
}
