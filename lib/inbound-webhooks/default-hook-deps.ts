import { getConfig } from "@/lib/config/env";
import { getDatabase } from "@/lib/db/client";
import type { Database } from "@/lib/db/open-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { webhookMetrics } from "@/lib/observability/metrics";
import { createDatabaseRateLimiter } from "@/lib/rate-limits/database-rate-limiter";
import type { SharedRateLimiter } from "@/lib/rate-limits/shared-rate-limiter";
import { createGroupCommitter, type GroupCommitter } from "./group-commit";
import { directPostgresFor } from "../db/hot-path-sql";
import type { HookDeps } from "./hook-types";

interface HookRuntime {
  committer: GroupCommitter;
  rateLimiter: SharedRateLimiter;
}

// One group committer and one rate limiter per process and database (on globalThis so `next
// dev` reloads keep them, and so the lean front in server/ and Next's bundle share them).
const holder = globalThis as { __signetHookRuntimes?: WeakMap<PrismaClient, HookRuntime> };

/** The process's dependencies of the webhook pipeline: database, configuration, limiter, group commit. */
export async function defaultHookDeps(): Promise<HookDeps> {
  const config = getConfig();
  const database = await getDatabase();
  const runtimes = (holder.__signetHookRuntimes ??= new WeakMap());
  let runtime = runtimes.get(database.prisma);
  if (!runtime) {
    runtime = {
      committer: startGroupCommit(database, config.databaseUrl, config.dbPoolSize),
      // Per hook (keyed by workflow id), shared by every instance on the database.
      rateLimiter: createDatabaseRateLimiter(database.prisma, "hook", config.hookRateLimitPerMinute),
    };
    runtimes.set(database.prisma, runtime);
  }
  return { db: database.prisma, config, rateLimiter: runtime.rateLimiter, createSession: runtime.committer.createSession };
}

/**
 * The group commit of one database, as the app runs it (the webhook tests use it too):
 * PGlite has a single connection, so one batch at a time; PostgreSQL overlaps a few batches,
 * and the hot path's statements (hook lookups, rate-limit takes, batches) skip Prisma's
 * runtime on a pg pool of their own (lib/db/hot-path-sql.ts), closed with the database.
 * Batch sizes go to /metrics.
 */
export function startGroupCommit(database: Pick<Database, "prisma" | "engine">, databaseUrl: string | null, dbPoolSize: number): GroupCommitter {
  const maxConcurrent = database.engine === "pglite" ? 1 : Math.max(1, Math.min(4, dbPoolSize - 1));
  const { batchSize } = webhookMetrics();
  const committer = createGroupCommitter(database.prisma, { maxConcurrent, onBatch: (size) => batchSize.observe(size) });
  if (database.engine === "postgres" && databaseUrl) directPostgresFor(database.prisma, databaseUrl, maxConcurrent + 1);
  return committer;
}
