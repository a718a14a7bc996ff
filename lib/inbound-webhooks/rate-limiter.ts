// Per-hook rate limit: a token bucket per hook per app instance (SPEC §3 allows per-instance
// limits). Capacity = the per-minute limit, so a sender may burst a minute's worth and then
// continues at the steady rate.

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until one request would be allowed again (for Retry-After). */
  retryAfterSeconds: number;
}

export interface HookRateLimiter {
  take(hookId: string, nowMs: number): RateLimitDecision;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

const MAX_TRACKED_HOOKS = 10_000;

export function createHookRateLimiter(perMinute: number): HookRateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;

  const refill = (bucket: Bucket, nowMs: number) => {
    // Requests reach the limiter out of arrival order (each awaits its hook lookup first, and
    // `nowMs` is when it arrived). An older reading must not move the bucket's clock back, or
    // the same interval would refill twice and a burst would get past the limit.
    if (nowMs <= bucket.updatedMs) return;
    bucket.tokens = Math.min(perMinute, bucket.tokens + (nowMs - bucket.updatedMs) * perMs);
    bucket.updatedMs = nowMs;
  };

  // A full bucket carries no information; dropping those bounds memory under many hooks.
  const prune = (nowMs: number) => {
    for (const [hookId, bucket] of buckets) {
      refill(bucket, nowMs);
      if (bucket.tokens >= perMinute) buckets.delete(hookId);
    }
  };

  return {
    take(hookId, nowMs) {
      let bucket = buckets.get(hookId);
      if (!bucket) {
        if (buckets.size >= MAX_TRACKED_HOOKS) prune(nowMs);
        bucket = { tokens: perMinute, updatedMs: nowMs };
        buckets.set(hookId, bucket);
      }
      refill(bucket, nowMs);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
