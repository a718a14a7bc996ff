import { logger } from "@/lib/log/logger";
import type { TakenTokens, TakeTokensInput } from "./rate-limit-repository";

// A rate limit shared by every app instance: token buckets in PostgreSQL (rate-limit-repository.ts),
// capacity = the per-minute limit (a sender may burst a minute's worth, then continues at the
// steady rate). Exact in the one direction that matters: the instances together never admit
// more than the bucket holds plus what it refilled, because every admitted request spent a
// token that one UPDATE handed out. Without a database round trip per request:
// - requests for one key that arrive while a take is running wait for the next take and
//   share it (one statement asks for as many tokens as there are waiters), as the webhook's
//   hook lookup does;
// - a key that keeps being asked for reserves a few spare tokens per take (doubling up to
//   capacity/20, at most 1,024) and spends them locally for up to LEASE_MS; unspent ones
//   lapse, so a reservation can only make the limit stricter, never looser;
// - once the bucket said "empty", requests are refused locally until it has refilled a
//   token, so a flood against a spent limit costs no queries at all.

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until a request may be allowed again (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

export interface SharedRateLimiter {
  /**
   * Spends one token of `key`. Answers synchronously when the instance already knows (a
   * reserved token, or a bucket known to be empty), otherwise after the next shared take.
   * Never rejects: when the database fails, the request is allowed and the failure logged
   * (a rate limit must not turn a database hiccup into refused traffic).
   */
  take(key: string): RateLimitDecision | Promise<RateLimitDecision>;
}

export interface SharedRateLimiterOptions {
  /** Requests per minute per key; also the bucket's capacity. */
  perMinute: number;
  /** Prefixes every key in the shared table ("hook", "direct-link", …). */
  scope: string;
  /** One shared take (takeTokens bound to a database). */
  takeTokens(input: TakeTokensInput): Promise<TakenTokens>;
  /** Deletes long-idle buckets now and then (deleteIdleBuckets bound to a database). */
  deleteIdleBuckets?(idleMs: number): Promise<number>;
  /** Monotonic milliseconds; tests move it. */
  nowMs?: () => number;
  /** Called once per shared take with the tokens asked for and handed out (metrics, tests). */
  onTake?: (want: number, granted: number) => void;
  /** Called for every refused request (metrics). */
  onDenied?: () => void;
}

/** How long reserved tokens may be spent locally before they lapse. */
export const LEASE_MS = 1_000;
const MAX_RESERVE = 1_024;
/** A bucket untouched for a minute has refilled completely (capacity = one minute's worth). */
const IDLE_MS = 60_000;
const PRUNE_EVERY_MS = 60_000;
const MAX_TRACKED_KEYS = 10_000;

const ALLOWED: RateLimitDecision = Object.freeze({ allowed: true, retryAfterSeconds: 0 });

interface Waiter {
  resolve(decision: RateLimitDecision): void;
}

interface KeyState {
  /** Tokens taken from the shared bucket and not yet spent. */
  reserved: number;
  reservedUntil: number;
  /** The shared bucket holds no whole token before this time. */
  emptyUntil: number;
  waiters: Waiter[];
  taking: boolean;
  /** Spare tokens the next take asks for. */
  reserve: number;
  lastTakeAt: number;
}

export function createSharedRateLimiter(options: SharedRateLimiterOptions): SharedRateLimiter {
  const { perMinute, scope } = options;
  const perMs = perMinute / 60_000;
  const maxReserve = Math.min(MAX_RESERVE, Math.floor(perMinute / 20));
  const now = options.nowMs ?? (() => performance.now());
  const states = new Map<string, KeyState>();
  let lastPrune = now();

  const denied = (waitMs: number): RateLimitDecision => {
    options.onDenied?.();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  };

  const forget = (at: number) => {
    // A key with nothing reserved, known-empty or pending carries no information.
    for (const [key, st] of states) {
      if (st.waiters.length === 0 && !st.taking && (st.reserved < 1 || st.reservedUntil <= at) && st.emptyUntil <= at) states.delete(key);
    }
  };

  const maybePrune = (at: number) => {
    if (!options.deleteIdleBuckets || at - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = at;
    options.deleteIdleBuckets(IDLE_MS).catch((error: unknown) => logger.warn("rate_limit_prune_failed", { scope, error }));
  };

  const takeRound = async (key: string, st: KeyState) => {
    st.taking = true;
    while (st.waiters.length > 0) {
      const waiters = st.waiters.splice(0);
      const startedAt = now();
      // Demand within the lease of the previous take: reserve more (doubling); otherwise none.
      st.reserve = startedAt - st.lastTakeAt < LEASE_MS ? Math.min(maxReserve, Math.max(1, st.reserve * 2)) : 0;
      st.lastTakeAt = startedAt;
      const want = waiters.length + st.reserve;
      let taken: TakenTokens;
      try {
        taken = await options.takeTokens({ key: `${scope}:${key}`, want, capacity: perMinute, perMs });
      } catch (error) {
        logger.error("rate_limit_take_failed", { scope, error });
        for (const w of waiters) w.resolve(ALLOWED);
        continue;
      }
      options.onTake?.(want, taken.granted);
      const at = now();
      const admitted = Math.min(taken.granted, waiters.length);
      waiters.forEach((w, i) => w.resolve(i < admitted ? ALLOWED : denied((1 - taken.tokens) / perMs)));
      st.reserved = taken.granted - admitted;
      st.reservedUntil = at + LEASE_MS;
      if (taken.granted < want) {
        // The bucket is spent: nobody gets a token before it refills one.
        st.emptyUntil = at + (1 - taken.tokens) / perMs;
        st.reserve = 0;
      }
    }
    st.taking = false;
  };

  return {
    take(key) {
      const at = now();
      let st = states.get(key);
      if (!st) {
        if (states.size >= MAX_TRACKED_KEYS) forget(at);
        st = { reserved: 0, reservedUntil: 0, emptyUntil: 0, waiters: [], taking: false, reserve: 0, lastTakeAt: -Infinity };
        states.set(key, st);
      }
      if (st.reserved >= 1 && at < st.reservedUntil) {
        st.reserved -= 1;
        return ALLOWED;
      }
      if (at < st.emptyUntil) return denied(st.emptyUntil - at);
      maybePrune(at);
      const state = st;
      return new Promise<RateLimitDecision>((resolve) => {
        state.waiters.push({ resolve });
        // Not at once: requests read off the sockets in this same turn of the event loop
        // share this take.
        if (!state.taking) {
          state.taking = true;
          setImmediate(() => void takeRound(key, state));
        }
      });
    },
  };
}
