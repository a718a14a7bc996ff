import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import type { HookDeps } from "./hook-types";
import { createHookRateLimiter, type HookRateLimiter } from "./rate-limiter";

// One rate limiter per process (on globalThis so `next dev` reloads keep the buckets).
const holder = globalThis as { __signetHookLimiter?: HookRateLimiter };

/** The process's dependencies of the webhook pipeline: database, configuration, limiter. */
export async function defaultHookDeps(): Promise<HookDeps> {
  const config = getConfig();
  holder.__signetHookLimiter ??= createHookRateLimiter(config.hookRateLimitPerMinute);
  return { db: await getDb(), config, rateLimiter: holder.__signetHookLimiter };
}
