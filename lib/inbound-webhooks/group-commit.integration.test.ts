// The group commit under concurrency, on PGlite and PostgreSQL: every 2xx has its committed
// session and delivery row, a message id repeated inside one batch or across batches creates
// one session, and a batch that fails fails only the requests that are really at fault.
import { beforeAll, describe, expect, it } from "vitest";
import { settleFieldDetection } from "@/lib/field-detection/sample-queue";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { addSecret, bodyOf, CUSTOMER, hmacSettings, makeDeps, makeOwner, publishedHook, sendSigned } from "@/tests/inbound-webhooks/hook-test-kit";
import { createGroupCommitter } from "./group-commit";
import { directPostgresFor } from "../db/hot-path-sql";
import type { HookDeps } from "./hook-types";
import type { DeliveryContext } from "./record-delivery";

const db = useTestDatabase();
beforeAll(async () => {
  // On PostgreSQL the hot-path SQL runs on its own pg pool, as in the app (db.close() ends it).
  if (db.databaseUrl) directPostgresFor(db.prisma, db.databaseUrl, 3);
});

const settings = hmacSettings({ scheme: "standard-webhooks" });

async function setUp(options: { maxBatch?: number } = {}) {
  const owner = await makeOwner(db);
  const hook = await publishedHook(db, owner, settings);
  const { secret } = await addSecret(db, owner, hook.workflowId);
  const sizes: number[] = [];
  const committer = createGroupCommitter(db.prisma, { maxBatch: options.maxBatch, maxConcurrent: 2, onBatch: (size) => sizes.push(size) });
  const deps: HookDeps = { ...makeDeps(db), createSession: committer.createSession };
  return { ...hook, secret, deps, sizes, committer };
}

const payload = (i: number) => JSON.stringify({ ...CUSTOMER, amount: i });

describe("group commit", () => {
  it("commits a burst in batches: every 201 has its session and delivery row, each exactly once", async () => {
    const t = await setUp();
    const before = new Date(Date.now() - 1000);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => sendSigned(t.deps, { hookId: t.hookId, body: payload(i), settings, secret: t.secret, id: `msg_${i}` })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    expect(Math.max(...t.sizes)).toBeGreaterThan(1); // really batched
    expect(t.sizes.reduce((a, b) => a + b, 0)).toBe(200);
    expect(t.committer.pending()).toBe(0);

    const sessions = await db.prisma.session.findMany({ where: { workflowId: t.workflowId }, select: { id: true, token: true, data: true, messageId: true, source: true, test: true } });
    expect(sessions).toHaveLength(200);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    responses.forEach((r, i) => {
      const session = byId.get(bodyOf(r).sessionId!);
      expect(session).toMatchObject({ messageId: `msg_${i}`, source: "webhook", test: false, data: { email: "ada@example.com", name: "Ada", amount: i } });
      expect(bodyOf(r).sessionUrl).toBe(`http://localhost:3000/s/${session!.token}`);
    });
    const deliveries = await db.prisma.delivery.findMany({ where: { workflowId: t.workflowId } });
    expect(deliveries).toHaveLength(200);
    expect(new Set(deliveries.map((d) => d.sessionId))).toEqual(new Set(byId.keys()));
    for (const d of deliveries) {
      expect(d).toMatchObject({ outcome: "accepted", reasonCode: "accepted", status: 201, contentType: "application/json" });
      expect(d.receivedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(d.receivedAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(d.secretLast4).toBe(t.secret.slice(-4));
      expect(JSON.parse(Buffer.from(d.body!).toString("utf8")).customer.email).toBe("ada@example.com");
      expect(d.headers).toHaveProperty("webhook-id");
    }
  });

  it("one message id sent many times at once, and again later, creates one session", async () => {
    const t = await setUp();
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => sendSigned(t.deps, { hookId: t.hookId, body: payload(1), settings, secret: t.secret, id: "msg_same" })),
    );
    const created = burst.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(29);
    const sessionId = bodyOf(created[0]!).sessionId;
    expect(new Set(burst.map((r) => bodyOf(r).sessionId))).toEqual(new Set([sessionId]));

    const later = await sendSigned(t.deps, { hookId: t.hookId, body: payload(1), settings, secret: t.secret, id: "msg_same" });
    expect(later.status).toBe(200);
    expect(bodyOf(later).sessionId).toBe(sessionId);

    expect(await db.prisma.session.count({ where: { workflowId: t.workflowId } })).toBe(1);
    const outcomes = await db.prisma.delivery.groupBy({ by: ["outcome", "status"], where: { workflowId: t.workflowId }, _count: true });
    expect(outcomes.map((o) => [o.outcome, o.status, o._count]).sort()).toEqual([
      ["accepted", 201, 1],
      ["duplicate", 200, 30],
    ]);
  });

  it("a test request keeps the plain path (detected fields are recorded)", async () => {
    const t = await setUp();
    const response = await sendSigned(t.deps, { hookId: t.hookId, body: payload(3), settings, secret: t.secret, id: "msg_test", test: true });
    expect(response.status).toBe(201);
    expect(t.sizes).toEqual([]);
    await settleFieldDetection(db.prisma);
    expect(await db.prisma.detectedField.count({ where: { workflowId: t.workflowId } })).toBeGreaterThan(0);
  });

  it("a failing batch fails only its faulty request; the others are retried alone and committed", async () => {
    const t = await setUp({ maxBatch: 50 });
    const workflow = await db.prisma.workflow.findUniqueOrThrow({ where: { id: t.workflowId }, select: { liveVersionId: true } });
    const ctx = (i: number): DeliveryContext => ({
      workflowId: t.workflowId,
      test: false,
      receivedAt: new Date(),
      startedMs: performance.now(),
      headers: new Headers({ "content-type": "application/json" }),
      settings,
      bytes: new TextEncoder().encode(payload(i)),
      receivedBytes: 10,
      secret: null,
      messageId: `direct_${i}`,
    });
    // Row 5 names a version that does not exist: the foreign key fails the whole batch.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        t.committer.createSession(db.prisma, ctx(i), { versionId: i === 5 ? "no-such-version" : workflow.liveVersionId!, data: { amount: i }, payload: {} }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const sessions = await db.prisma.session.findMany({ where: { workflowId: t.workflowId }, select: { messageId: true } });
    expect(sessions.map((s) => s.messageId).sort()).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9].map((i) => `direct_${i}`).sort());
    expect(await db.prisma.delivery.count({ where: { workflowId: t.workflowId, outcome: "accepted" } })).toBe(9);
  });
});

describe("shared hook lookups", () => {
  it("a secret revoked between two bursts stops every request of the second burst", async () => {
    const t = await setUp();
    const first = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sendSigned(t.deps, { hookId: t.hookId, body: payload(i), settings, secret: t.secret, id: `a_${i}` })),
    );
    expect(first.every((r) => r.status === 201)).toBe(true);
    await db.prisma.webhookSecret.updateMany({ where: { workflowId: t.workflowId }, data: { revokedAt: new Date() } });
    const second = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sendSigned(t.deps, { hookId: t.hookId, body: payload(i), settings, secret: t.secret, id: `b_${i}` })),
    );
    expect(second.map((r) => r.status)).toEqual(Array(40).fill(401));
  });

  it("applies each request's own clock to a secret's expiry, also when requests share a lookup", async () => {
    const owner = await makeOwner(db);
    const hook = await publishedHook(db, owner, settings);
    const { secret } = await addSecret(db, owner, hook.workflowId);
    const expiresAt = new Date(Date.now() + 60_000);
    await db.prisma.webhookSecret.updateMany({ where: { workflowId: hook.workflowId }, data: { expiresAt } });
    const before = makeDeps(db, { now: () => new Date(expiresAt.getTime() - 1000) });
    const after = makeDeps(db, { now: () => new Date(expiresAt.getTime() + 1000) });
    const timestamp = (deps: HookDeps) => Math.floor(deps.now!().getTime() / 1000);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const deps = i % 2 === 0 ? before : after;
        return sendSigned(deps, { hookId: hook.hookId, body: payload(i), settings, secret, id: `e_${i}`, timestamp: timestamp(deps) });
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 201 : 401)));
  });
});
