import { getConfig } from "@/lib/config/env";
import { getDatabase } from "@/lib/db/client";
import type { Database } from "@/lib/db/open-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createGroupCommitter, type GroupCommitter } from "./group-commit";
import { directPostgresFor } from "../db/hot-path-sql";
import type { HookDeps } from "./hook-types";
import { createHookRateLimiter, type HookRateLimiter } from "./rate-limiter";

// One rate limiter and one group committer per process (on globalThis so `next dev` reloads
// keep them, and so the lean front in server/ and Next's bundle share them).
const holder = globalThis as { __signetHookLimiter?: HookRateLimiter; __signetHookCommitters?: WeakMap<PrismaClient, GroupCommitter> };

/** The process's dependencies of the webhook pipeline: database, configuration, limiter, group commit. */
export async function defaultHookDeps(): Promise<HookDeps> {
  const config = getConfig();
  holder.__signetHookLimiter ??= createHookRateLimiter(config.hookRateLimitPerMinute);
  const database = await getDatabase();
  const committers = (holder.__signetHookCommitters ??= new WeakMap());
  let committer = committers.get(database.prisma);
  if (!committer) {
    committer = startGroupCommit(database, config.databaseUrl, config.dbPoolSize);
    committers.set(database.prisma, committer);
  }
  return { db: database.prisma, config, rateLimiter: holder.__signetHookLimiter, createSession: committer.createSession };
}

/**
 * The group commit of one database, as the app runs it (the webhook tests use it too):
 * PGlite has a single connection, so one batch at a time; PostgreSQL overlaps a few batches,
 * and the hot path's two statements per round skip Prisma's runtime on a pg pool of their
 * own (lib/db/hot-path-sql.ts), closed with the database.
 */
export function startGroupCommit(database: Pick<Database, "prisma" | "engine">, databaseUrl: string | null, dbPoolSize: number): GroupCommitter {
  const maxConcurrent = database.engine === "pglite" ? 1 : Math.max(1, Math.min(4, dbPoolSize - 1));
  const committer = createGroupCommitter(database.prisma, { maxConcurrent });
  if (database.engine === "postgres" && databaseUrl) directPostgresFor(database.prisma, databaseUrl, maxConcurrent + 1);
  return committer;
}
