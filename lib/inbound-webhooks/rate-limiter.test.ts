import { describe, expect, it } from "vitest";
import { createHookRateLimiter } from "./rate-limiter";

describe("createHookRateLimiter", () => {
  it("allows a minute's worth as a burst, then refuses with Retry-After until a token refills", () => {
    const limiter = createHookRateLimiter(60);
    const t = 1_000_000;
    for (let i = 0; i < 60; i++) expect(limiter.take("h", t).allowed).toBe(true);
    const refused = limiter.take("h", t);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take("h", t + 999).allowed).toBe(false);
    expect(limiter.take("h", t + 2000).allowed).toBe(true);
  });

  it("does not refill the same interval twice when requests arrive out of order", () => {
    const limiter = createHookRateLimiter(60); // one token a second
    for (let i = 0; i < 60; i++) expect(limiter.take("h", 10_000).allowed).toBe(true);
    expect(limiter.take("h", 11_000).allowed).toBe(true); // the second 10–11 s refilled
    expect(limiter.take("h", 10_000).allowed).toBe(false); // arrived earlier, processed later
    expect(limiter.take("h", 11_000).allowed).toBe(false); // 10–11 s must not refill again
  });

  it("keeps hooks apart and reports longer waits for slow limits", () => {
    const limiter = createHookRateLimiter(2);
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.take("b", 0).allowed).toBe(true);
  });
});
