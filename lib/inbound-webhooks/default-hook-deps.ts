import { getConfig } from "@/lib/config/env";
import { getDatabase } from "@/lib/db/client";
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
    // PGlite has a single connection; PostgreSQL overlaps a few batches on its pool.
    const maxConcurrent = database.engine === "pglite" ? 1 : Math.max(1, Math.min(4, config.dbPoolSize - 1));
    committer = createGroupCommitter(database.prisma, { maxConcurrent });
    committers.set(database.prisma, committer);
    // The hot path's two statements per round skip Prisma's runtime (lib/db/hot-path-sql.ts).
    if (database.engine === "postgres" && config.databaseUrl) directPostgresFor(database.prisma, config.databaseUrl, maxConcurrent + 1);
  }
  return { db: database.prisma, config, rateLimiter: holder.__signetHookLimiter, createSession: committer.createSession };
}
