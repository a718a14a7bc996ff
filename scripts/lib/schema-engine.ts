// Prisma's schema engine compiled to WebAssembly, for offline migration work (writing the
// next migration, checking drift). The engine binary the Prisma CLI wants cannot be
// downloaded on our machines; the wasm build needs no download (docs/stack.md).
// Dev and test tooling only: the app applies migrations with lib/db/migrate.ts.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { readMigrationFolders } from "../../lib/db/migration-files";

export type { SchemaEngine };

interface WasmGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: typeof SchemaEngine;
}

let gluePromise: Promise<WasmGlue> | undefined;

// The package's own entry uses `import * as wasm from "./x.wasm"`, which Node cannot load,
// so we instantiate the module by hand with the generated JS glue as its import object.
function loadGlue(): Promise<WasmGlue> {
  gluePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(gluePath)) as WasmGlue;
    const wasmBytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    // The engine reports panics through this registry; without it a panic is an opaque trap.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message: string) => { throw new Error(`schema engine panic: ${message}`); } };
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })();
  return gluePromise;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/** A schema engine working on the database behind `adapterFactory` (PGlite or PostgreSQL). */
export async function createSchemaEngine(schema: SchemaFile, adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const glue = await loadGlue();
  const log = () => {}; // the engine's tracing is noise for our callers; errors come back as rejections
  return glue.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

/** The migrations folder in the shape the engine reads (it does no file I/O of its own). */
export async function engineMigrationList(migrationsDir: string): Promise<MigrationList> {
  const folders = await readMigrationFolders(migrationsDir);
  let lockfile: string | null = null;
  try {
    lockfile = await readFile(`${migrationsDir}/migration_lock.toml`, "utf8");
  } catch {
    lockfile = null;
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    // The engine wants the folder name here, not a path (one of its quirks, docs/stack.md).
    migrationDirectories: folders.map((f) => ({ path: f.name, migrationFile: { path: "migration.sql", content: { tag: "ok", value: f.sql } } })),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
