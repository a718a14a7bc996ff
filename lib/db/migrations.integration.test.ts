// Proves the migrations folder and schema.prisma describe the same database, on the engine
// under test (PGlite, or PostgreSQL with TEST_DATABASE_URL), and that the applier is safe to
// re-run, refuses edited history and tolerates concurrent migrators.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/helpers/test-db";
import { applyMigrations, MigrationError } from "./migrate";
import { defaultMigrationsDir, readMigrationFolders } from "./migration-files";
import { pgliteSession } from "./open-database";
import { createSchemaEngine, NO_FILTERS, type SchemaFile } from "../../scripts/lib/schema-engine";
import { snapshotSchema } from "../../tests/helpers/schema-snapshot";

const migrationsDir = defaultMigrationsDir();
// SIGNET_DRIFT_SCHEMA lets the drift test be pointed at an edited copy of the schema, to
// show that it fails when schema.prisma has a change no migration carries.
const schemaPath = resolve(process.env.SIGNET_DRIFT_SCHEMA ?? "prisma/schema.prisma");

async function readSchema(): Promise<SchemaFile> {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

let db: ScratchDatabase;
beforeEach(async () => {
  db = await createScratchDatabase();
});
afterEach(async () => {
  await db.drop();
});

async function migrate(dir = migrationsDir) {
  const session = await db.openSession();
  try {
    return await applyMigrations(session, dir);
  } finally {
    await session.close();
  }
}

describe(`migrations on ${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"}`, () => {
  it("produce exactly the database schema.prisma describes", async () => {
    await migrate();
    const schema = await readSchema();

    // Reference: the schema's own SQL (no migrations involved) in a fresh PGlite.
    const reference = new PGlite();
    const engine = await createSchemaEngine(schema, new PrismaPGlite(reference));
    try {
      const fromScratch = await engine.diff({
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      await reference.exec(fromScratch.stdout ?? "");
      const session = await db.openSession();
      try {
        expect(await snapshotSchema(session)).toEqual(await snapshotSchema(pgliteSession(reference)));
      } finally {
        await session.close();
      }
    } finally {
      engine.free();
      await reference.close();
    }

    if (db.engine === "pglite") {
      // Prisma's own judgement too: the engine reads the live database and diffs it against
      // the schema. (adapter-pg cannot serve the engine's catalog queries, hence PGlite only.)
      const live = await createSchemaEngine(schema, db.adapterFactory());
      try {
        const drift = await live.diff({
          from: { tag: "schemaDatasource", files: [schema], configDir: resolve(".") },
          to: { tag: "schemaDatamodel", files: [schema] },
          script: true,
          exitCode: null,
          filters: NO_FILTERS,
        });
        expect(drift.stdout?.trim()).toBe("-- This is an empty migration.");
      } finally {
        live.free();
      }
    }
  });

  it("records migrations as Prisma does, and a second run is a no-op", async () => {
    const folders = await readMigrationFolders(migrationsDir);
    expect(folders.length).toBeGreaterThan(0);

    const first = await migrate();
    expect(first.applied).toEqual(folders.map((f) => f.name));
    const second = await migrate();
    expect(second).toEqual({ applied: [], alreadyApplied: folders.length });

    const session = await db.openSession();
    try {
      const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(folders.map((f) => [f.name, f.checksum]));
      expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    } finally {
      await session.close();
    }
  });

  describe("with an edited copy of the migrations", () => {
    let copy: string;
    beforeEach(async () => {
      copy = await mkdtemp(join(tmpdir(), "signet-migrations-"));
      await cp(migrationsDir, copy, { recursive: true });
    });
    afterEach(async () => {
      await rm(copy, { recursive: true, force: true });
    });

    it("refuses to run when an applied migration's checksum changed", async () => {
      await migrate(copy);
      const [first] = await readMigrationFolders(copy);
      await writeFile(join(copy, first!.name, "migration.sql"), first!.sql + "\n-- edited after it was applied\n");
      const error = await migrate(copy).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(new RegExp(`${first!.name} was changed after it was applied`));
    });

    it("applies only the new folder, and rolls back a failing one completely", async () => {
      await migrate(copy);
      const add = join(copy, "29990101000000_add_probe");
      await mkdir(add);
      await writeFile(join(add, "migration.sql"), 'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);\n');
      expect((await migrate(copy)).applied).toEqual(["29990101000000_add_probe"]);

      const bad = join(copy, "29990102000000_bad");
      await mkdir(bad);
      await writeFile(join(bad, "migration.sql"), 'CREATE TABLE "Probe2" ("id" INTEGER);\nSELECT no_such_function();\n');
      await expect(migrate(copy)).rejects.toThrow(/29990102000000_bad failed and was rolled back/);
      const session = await db.openSession();
      try {
        const probe2 = await session.query<{ name: string | null }>(`SELECT to_regclass('"Probe2"')::text AS name`);
        expect(probe2[0]?.name).toBeNull();
        const recorded = await session.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990102000000_bad'`);
        expect(recorded).toHaveLength(0);
      } finally {
        await session.close();
      }
    });
  });

  it.runIf(process.env.TEST_DATABASE_URL)("is safe when several processes migrate one PostgreSQL at once", async () => {
    // Separate connections hold separate advisory-lock sessions, exactly like processes.
    const sessions = await Promise.all([1, 2, 3, 4].map(() => db.openSession()));
    try {
      const results = await Promise.all(sessions.map((s) => applyMigrations(s, migrationsDir)));
      const folders = await readMigrationFolders(migrationsDir);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(folders.map((f) => f.name).sort());
      const rows = await sessions[0]!.query(`SELECT migration_name FROM "_prisma_migrations"`);
      expect(rows).toHaveLength(folders.length);
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
    }
  });
});
