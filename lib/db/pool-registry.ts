import type pg from "pg";

// The process's open PostgreSQL pools, by purpose, so /metrics can report how busy they are
// (lib/observability reads this; lib/db only records). On globalThis: the server bundle and
// Next's bundle each load this module, but there is one process and one set of pools.

const pools: Map<pg.Pool, string> = ((globalThis as { __signetPools?: Map<pg.Pool, string> }).__signetPools ??= new Map());

export function registerPool(name: string, pool: pg.Pool): void {
  pools.set(pool, name);
}

export function unregisterPool(pool: pg.Pool): void {
  pools.delete(pool);
}

/** Each open pool with its purpose ("prisma", "hot-path"). */
export function openPools(): { name: string; pool: pg.Pool }[] {
  return [...pools].map(([pool, name]) => ({ name, pool }));
}
