import pg from "pg";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { registerPool, unregisterPool } from "./pool-registry";

// How the webhook hot path's own SQL (hook-target-repository.ts, hook-batch-repository.ts,
// delivery-repository.ts) reaches the database. Through Prisma's $queryRawUnsafe by default (PGlite, tests); on
// PostgreSQL the app registers a small pg pool of its own, because Prisma's client runtime
// was ~10 % of the app's CPU under a webhook burst for these two statements per round. Both
// take the same SQL and parameters: dates are sent as ISO strings (the columns are UTC
// timestamps) and bytes as Buffers, and no result column is a timestamp.

type Db = PrismaClient | Prisma.TransactionClient;

export interface HookSql {
  query<Row>(text: string, params: unknown[]): Promise<Row[]>;
}

const direct = new WeakMap<object, HookSql & { end(): Promise<void> }>();

function param(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

export function hookSql(db: Db): HookSql {
  return (
    direct.get(db) ?? {
      query: <Row>(text: string, params: unknown[]) => db.$queryRawUnsafe<Row[]>(text, ...params.map((v) => (v instanceof Date ? v.toISOString() : v))),
    }
  );
}

/**
 * `($1::cast, $2, …), (…)`: the VALUES rows of a multi-row statement, `casts.length` parameters
 * per row, numbered from `first + 1`.
 */
export function valuesRows(rows: number, casts: readonly string[], first = 0): string {
  const columns = casts.length;
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) cells.push(`$${first + r * columns + c + 1}${casts[c]}`);
    out.push(`(${cells.join(", ")})`);
  }
  return out.join(", ");
}

/** From now on the hot-path SQL of `db` runs on its own pg pool (PostgreSQL only). */
export function directPostgresFor(db: PrismaClient, connectionString: string, max: number): void {
  if (direct.has(db)) return;
  const pool = new pg.Pool({ connectionString, max });
  registerPool("hot-path", pool);
  direct.set(db, {
    query: async <Row>(text: string, params: unknown[]) => (await pool.query(text, params.map(param))).rows as Row[],
    end: () => {
      unregisterPool(pool);
      return pool.end();
    },
  });
}

/** Closes the pool directPostgresFor gave `db`, if any (the database's close() calls this). */
export async function closeDirectPostgres(db: PrismaClient): Promise<void> {
  const sql = direct.get(db);
  if (!sql) return;
  direct.delete(db);
  await sql.end();
}
