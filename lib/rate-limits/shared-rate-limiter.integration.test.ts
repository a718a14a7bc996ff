// The shared limiter on the real statement, PGlite and PostgreSQL: several "instances" (own
// limiter; on PostgreSQL also their own connection pool) spend one bucket together, the
// bucket refills by the database's clock, and idle buckets are pruned without changing a
// decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { deleteIdleBuckets, takeTokens } from "./rate-limit-repository";
import { createDatabaseRateLimiter } from "./database-rate-limiter";
import type { RateLimitDecision } from "./shared-rate-limiter";

const db = useTestDatabase();
const others: Database[] = [];

beforeAll(async () => {
  if (db.databaseUrl) for (let i = 0; i < 2; i++) others.push(await openDatabase({ databaseUrl: db.databaseUrl, poolSize: 3 }));
});

afterAll(async () => {
  for (const other of others) await other.close();
});

/** Three instances' clients: separate pools on PostgreSQL, the one PGlite otherwise. */
const instanceClients = () => [db.prisma, ...(others.length ? others.map((o) => o.prisma) : [db.prisma, db.prisma])];

describe("takeTokens", () => {
  it("creates a full bucket and hands out whole tokens up to what it holds", async () => {
    const key = `t:${Math.random()}`;
    const still = 1e-12; // no refill worth a token while the test runs
    expect(await takeTokens(db.prisma, { key, want: 3, capacity: 5, perMs: still })).toMatchObject({ granted: 3 });
    const second = await takeTokens(db.prisma, { key, want: 10, capacity: 5, perMs: still });
    expect(second.granted).toBe(2);
    expect(second.tokens).toBeLessThan(1);
    expect((await takeTokens(db.prisma, { key, want: 1, capacity: 5, perMs: still })).granted).toBe(0);
  });

  it("refills by the database clock, never beyond capacity", async () => {
    const key = `refill:${Math.random()}`;
    const perMs = 1 / 100; // ten tokens a second
    expect((await takeTokens(db.prisma, { key, want: 5, capacity: 5, perMs })).granted).toBe(5);
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    const refilled = await takeTokens(db.prisma, { key, want: 5, capacity: 5, perMs });
    const elapsedMs = Date.now() - started;
    expect(refilled.granted).toBeGreaterThanOrEqual(2);
    expect(refilled.granted).toBeLessThanOrEqual(Math.min(5, Math.floor(elapsedMs / 100) + 1));
    await new Promise((r) => setTimeout(r, 700));
    expect((await takeTokens(db.prisma, { key, want: 50, capacity: 5, perMs })).granted).toBe(5);
  });

  it("never hands out a token twice when takes on one key race", async () => {
    const key = `race:${Math.random()}`;
    const clients = instanceClients();
    const takes = await Promise.all(Array.from({ length: 30 }, (_, i) => takeTokens(clients[i % clients.length]!, { key, want: 3, capacity: 40, perMs: 1e-9 })));
    expect(takes.reduce((sum, t) => sum + t.granted, 0)).toBe(40);
  });
});

describe("shared limiter across instances", () => {
  it("three instances together admit the limit plus its refill, not three times it", async () => {
    // All three count the same key under the same scope, as instances of one app do.
    const shared = instanceClients().map((client) => createDatabaseRateLimiter(client, "hook-it", 60));
    const startedAt = Date.now();
    const decisions: RateLimitDecision[] = [];
    for (let wave = 0; wave < 10; wave++) {
      decisions.push(...(await Promise.all(Array.from({ length: 24 }, (_, i) => shared[i % 3]!.take("wf-1")))));
    }
    const elapsedS = (Date.now() - startedAt) / 1000;
    const admitted = decisions.filter((d) => d.allowed).length;
    expect(admitted).toBeLessThanOrEqual(60 + Math.ceil(elapsedS) + 1);
    expect(admitted).toBeGreaterThanOrEqual(60 - 3 * 3);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused.length).toBeGreaterThan(100);
    expect(refused.every((d) => d.retryAfterSeconds >= 1 && d.retryAfterSeconds <= 60)).toBe(true);
  });

  it("deleting idle buckets forgets only buckets that have refilled completely", async () => {
    const idle = `idle:${Math.random()}`;
    const busy = `busy:${Math.random()}`;
    await takeTokens(db.prisma, { key: idle, want: 1, capacity: 10, perMs: 1 });
    await db.prisma.$executeRawUnsafe(`UPDATE "RateLimitBucket" SET "updatedAtMs" = "updatedAtMs" - 120000 WHERE "key" = $1`, idle);
    await takeTokens(db.prisma, { key: busy, want: 1, capacity: 10, perMs: 1 });
    expect(await deleteIdleBuckets(db.prisma, 60_000)).toBeGreaterThanOrEqual(1);
    const left = await db.prisma.$queryRawUnsafe<{ key: string }[]>(`SELECT "key" FROM "RateLimitBucket" WHERE "key" IN ($1, $2)`, idle, busy);
    expect(left.map((r) => r.key)).toEqual([busy]);
  });
});
