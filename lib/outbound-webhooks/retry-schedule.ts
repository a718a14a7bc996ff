// When a failed message is tried again. Attempt k (0-based) of a round happens RETRY_DELAYS_MS[k]
// after the previous one: the first at once, the last about 27.5 hours after the first. Each
// delay but the first moves by up to ±10 % so receivers coming back up are not hit by every
// message at the same instant. A receiver's Retry-After is honoured: never sooner than it
// asked, never later than our longest step.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RETRY_DELAYS_MS = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;

const JITTER = 0.1;
const MAX_RETRY_AFTER_MS = 10 * HOUR;

/**
 * The delay before the attempt after attempt number `attemptsMade` of this round (1 = the first
 * attempt just failed), or null when the round is over. `random` in [0, 1).
 */
export function nextRetryDelayMs(attemptsMade: number, retryAfterMs: number | null, random: number = Math.random()): number | null {
  const base = RETRY_DELAYS_MS[attemptsMade];
  if (base === undefined) return null;
  const jittered = Math.round(base * (1 + JITTER * (2 * random - 1)));
  if (retryAfterMs === null) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * SECOND;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
