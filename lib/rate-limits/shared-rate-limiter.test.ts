import { describe, expect, it, vi } from "vitest";
import type { TakenTokens, TakeTokensInput } from "./rate-limit-repository";
import { createSharedRateLimiter, LEASE_MS, type RateLimitDecision } from "./shared-rate-limiter";

// The limiter against an in-memory table with the same arithmetic as the SQL in
// rate-limit-repository.ts (the integration test runs the real statement on both engines).

function memoryTable(clock: { ms: number }) {
  const rows = new Map<string, { tokens: number; updatedAtMs: number }>();
  const takes: TakeTokensInput[] = [];
  const takeTokens = async (input: TakeTokensInput): Promise<TakenTokens> => {
    takes.push(input);
    await Promise.resolve(); // a round trip: callers must not rely on synchronous answers
    const row = rows.get(input.key) ?? { tokens: input.capacity, updatedAtMs: clock.ms };
    const available = Math.min(input.capacity, row.tokens + Math.max(0, clock.ms - row.updatedAtMs) * input.perMs);
    const granted = Math.min(input.want, Math.floor(available));
    rows.set(input.key, { tokens: available - granted, updatedAtMs: Math.max(row.updatedAtMs, clock.ms) });
    return { granted, tokens: available - granted };
  };
  return { rows, takes, takeTokens };
}

const allowedCount = (decisions: RateLimitDecision[]) => decisions.filter((d) => d.allowed).length;

describe("createSharedRateLimiter", () => {
  it("admits a minute's worth at once, then refuses with Retry-After, and refills at the steady rate", async () => {
    const clock = { ms: 0 };
    const table = memoryTable(clock);
    const limiter = createSharedRateLimiter({ perMinute: 60, scope: "t", takeTokens: table.takeTokens, nowMs: () => clock.ms });
    const burst = await Promise.all(Array.from({ length: 80 }, () => limiter.take("a")));
    expect(allowedCount(burst)).toBe(60);
    const refused = burst.filter((d) => !d.allowed);
    expect(refused.every((d) => d.retryAfterSeconds === 1)).toBe(true);
    clock.ms += 1_000; // one token a second
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("a")).allowed).toBe(false);
  });

  it("counts keys apart", async () => {
    const clock = { ms: 0 };
    const table = memoryTable(clock);
    const limiter = createSharedRateLimiter({ perMinute: 2, scope: "t", takeTokens: table.takeTokens, nowMs: () => clock.ms });
    const a = await Promise.all([limiter.take("a"), limiter.take("a"), limiter.take("a")]);
    const b = await limiter.take("b");
    expect(a.map((d) => d.allowed)).toEqual([true, true, false]);
    expect(b.allowed).toBe(true);
    expect(table.takes.map((t) => t.key).sort()).toEqual(["t:a", "t:b"]);
  });

  it("requests arriving together share one take; a refused key costs no take until it has refilled", async () => {
    const clock = { ms: 0 };
    const table = memoryTable(clock);
    const limiter = createSharedRateLimiter({ perMinute: 6, scope: "t", takeTokens: table.takeTokens, nowMs: () => clock.ms });
    await Promise.all(Array.from({ length: 10 }, () => limiter.take("k")));
    expect(table.takes).toHaveLength(1);
    expect(table.takes[0]!.want).toBe(10);
    // Spent: the next requests are refused locally, with the time until the next token.
    const local = limiter.take("k");
    expect(local).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(table.takes).toHaveLength(1);
    clock.ms += 10_000;
    expect((await limiter.take("k")).allowed).toBe(true);
    expect(table.takes).toHaveLength(2);
  });

  it("a busy key reserves spare tokens (doubling) and spends them without a take; unspent ones lapse", async () => {
    const clock = { ms: 0 };
    const table = memoryTable(clock);
    const limiter = createSharedRateLimiter({ perMinute: 6_000, scope: "t", takeTokens: table.takeTokens, nowMs: () => clock.ms });
    for (let i = 0; i < 200; i++) {
      expect((await limiter.take("hot")).allowed).toBe(true);
      clock.ms += 1;
    }
    // 200 requests, yet only a handful of takes: 1, then 1+1, 1+2, 1+4, … spare tokens.
    expect(table.takes.length).toBeLessThan(12);
    expect(Math.max(...table.takes.map((t) => t.want))).toBeLessThanOrEqual(1 + 6_000 / 20);
    // After a pause longer than the lease, spares lapse and the next take asks for one only.
    clock.ms += LEASE_MS + 1;
    const before = table.takes.length;
    await limiter.take("hot");
    expect(table.takes.length).toBe(before + 1);
    expect(table.takes.at(-1)!.want).toBe(1);
  });

  it("instances sharing one table never admit more than the bucket plus its refill", async () => {
    const clock = { ms: 0 };
    const table = memoryTable(clock);
    const instances = Array.from({ length: 3 }, () => createSharedRateLimiter({ perMinute: 60, scope: "t", takeTokens: table.takeTokens, nowMs: () => clock.ms }));
    const decisions: RateLimitDecision[] = [];
    // 10 s of traffic at 30 requests a second, spread over the instances.
    for (let tick = 0; tick < 100; tick++) {
      decisions.push(...(await Promise.all([0, 1, 2].map((i) => instances[i]!.take("hook")))));
      clock.ms += 100;
    }
    const admitted = allowedCount(decisions);
    expect(admitted).toBeLessThanOrEqual(60 + 10); // capacity + 10 s of refill at 1/s
    // Reservations may strand a few tokens (at most capacity/20 per instance), never more.
    expect(admitted).toBeGreaterThanOrEqual(60 + 10 - 3 * 3);
  });

  it("allows (and logs) when the database fails: a limiter must not turn an outage into refusals", async () => {
    const failing = vi.fn(async () => {
      throw new Error("connection refused");
    });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const limiter = createSharedRateLimiter({ perMinute: 1, scope: "t", takeTokens: failing });
      expect(await limiter.take("k")).toEqual({ allowed: true, retryAfterSeconds: 0 });
      expect(stderr.mock.calls.some(([line]) => String(line).includes("rate_limit_take_failed"))).toBe(true);
    } finally {
      stderr.mockRestore();
    }
  });
});
