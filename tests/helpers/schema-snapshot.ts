// A comparable description of a database's schema, straight from the PostgreSQL catalogs, so
// two databases (say, migrated PostgreSQL vs. one built from schema.prisma) can be compared
// where the wasm schema engine cannot connect (adapter-pg cannot read the catalogs' "char"
// columns the engine's describer selects).
import type { MigrationSession } from "../../lib/db/migrate";

export interface SchemaSnapshot {
  columns: string[];
  enums: string[];
  indexes: string[];
  constraints: string[];
}

const IGNORED_TABLE = "_prisma_migrations";

export async function snapshotSchema(session: MigrationSession): Promise<SchemaSnapshot> {
  const columns = await session.query<{ line: string }>(
    `SELECT table_name || '.' || column_name || ' ' || udt_name || coalesce('(' || character_maximum_length || ')', '')
            || coalesce(' p' || datetime_precision, '') || ' ' || is_nullable || coalesce(' default ' || column_default, '') AS line
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> $1`,
    [IGNORED_TABLE],
  );
  const enums = await session.query<{ line: string }>(
    `SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typnamespace = current_schema()::regnamespace
      GROUP BY t.typname`,
  );
  const indexes = await session.query<{ line: string }>(
    `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> $1`,
    [IGNORED_TABLE],
  );
  const constraints = await session.query<{ line: string }>(
    `SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
       FROM pg_constraint c
      WHERE c.connamespace = current_schema()::regnamespace AND c.conrelid <> 0
        -- PostgreSQL 18 (PGlite) lists NOT NULL as constraints; older servers do not. Columns carry it.
        AND c.contype <> 'n'
        AND c.conrelid::regclass::text NOT IN ($1, '"' || $1 || '"')`,
    [IGNORED_TABLE],
  );
  const sorted = (rows: { line: string }[]) => rows.map((r) => r.line).sort();
  return { columns: sorted(columns), enums: sorted(enums), indexes: sorted(indexes), constraints: sorted(constraints) };
}
