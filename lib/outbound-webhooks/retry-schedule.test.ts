import { describe, expect, it } from "vitest";
import { nextRetryDelayMs, parseRetryAfter, RETRY_DELAYS_MS } from "./retry-schedule";

describe("retry schedule", () => {
  it("follows 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h and then stops", () => {
    const middle = [1, 2, 3, 4, 5, 6, 7].map((n) => nextRetryDelayMs(n, null, 0.5));
    expect(middle).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(nextRetryDelayMs(RETRY_DELAYS_MS.length, null, 0.5)).toBeNull();
  });

  it("jitters by at most 10 %", () => {
    expect(nextRetryDelayMs(2, null, 0)).toBe(270_000);
    expect(nextRetryDelayMs(2, null, 0.999999)).toBeLessThanOrEqual(330_000);
    expect(nextRetryDelayMs(2, null, 0.999999)).toBeGreaterThan(329_000);
  });

  it("honours Retry-After when it asks for longer, capped at 10 h", () => {
    expect(nextRetryDelayMs(1, 120_000, 0.5)).toBe(120_000);
    expect(nextRetryDelayMs(2, 1_000, 0.5)).toBe(300_000);
    expect(nextRetryDelayMs(1, 100 * 3_600_000, 0.5)).toBe(36_000_000);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = new Date("2026-11-29T12:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 12:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
