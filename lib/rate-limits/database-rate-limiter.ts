import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deleteIdleBuckets, takeTokens } from "./rate-limit-repository";
import { createSharedRateLimiter, type SharedRateLimiter } from "./shared-rate-limiter";
import { rateLimitMetrics } from "./rate-limit-metrics";

/** A shared limiter over the buckets of `db` (PostgreSQL or PGlite: the same statements). */
export function createDatabaseRateLimiter(db: PrismaClient, scope: string, perMinute: number): SharedRateLimiter {
  const metrics = rateLimitMetrics(scope);
  return createSharedRateLimiter({
    scope,
    perMinute,
    takeTokens: (input) => takeTokens(db, input),
    deleteIdleBuckets: (idleMs) => deleteIdleBuckets(db, idleMs),
    onTake: metrics.taken,
    onDenied: metrics.denied,
  });
}
