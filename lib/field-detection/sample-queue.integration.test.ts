import pg from "pg";
import { describe, expect, it } from "vitest";
import { testEngine, useTestDatabase } from "@/tests/helpers/test-db";
import { bodyOf, makeDeps, makeOwner, publishedHook, send } from "@/tests/inbound-webhooks/hook-test-kit";
import { listDetectedFields, trimDetectedFields, upsertFieldSightings } from "./detected-field-repository";
import { MAX_FIELDS_PER_WORKFLOW, pendingSamples, settleFieldDetection } from "./sample-queue";

// Detected fields from test payloads: capped per workflow (newest kept) and written after the
// answer, so payloads full of new keys can neither grow the table without limit nor slow
// the requests that carry them.

const db = useTestDatabase();

/** A payload of `count` keys never seen before (prefix makes them new). */
const wide = (prefix: string, count: number) => JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, i])));

describe("detected fields", () => {
  it(`stay within ${MAX_FIELDS_PER_WORKFLOW} per workflow, the newest sample's fields kept`, async () => {
    const owner = await makeOwner(db);
    const hook = await publishedHook(db, owner, { enabled: false });
    const deps = makeDeps(db);
    for (let i = 0; i < 6; i++) {
      const response = await send(deps, { hookId: hook.hookId, body: wide(`s${i}_`, 500), test: true });
      expect(response.status, JSON.stringify(bodyOf(response))).toBe(201);
    }
    await settleFieldDetection(db.prisma);
    const fields = await listDetectedFields(db.prisma, hook.workflowId);
    expect(fields.length).toBe(MAX_FIELDS_PER_WORKFLOW);
    const paths = new Set(fields.map((f) => f.path));
    for (let k = 0; k < 500; k++) expect(paths.has(`s5_${k}`)).toBe(true);
    expect(paths.has("s0_0")).toBe(false);
  });

  it("keep the cap when several instances write a workflow's fields at once", async () => {
    const owner = await makeOwner(db);
    const hook = await publishedHook(db, owner, { enabled: false });
    // What each instance's worker does for its own samples, all at the same moment.
    const worker = async (i: number) => {
      const now = new Date(Date.now() + i);
      await upsertFieldSightings(db.prisma, hook.workflowId, Array.from({ length: 400 }, (_, k) => ({ path: `w${i}_${k}`, type: "number" as const, example: k, seen: 1, lastSeenAt: now })));
      await trimDetectedFields(db.prisma, hook.workflowId, MAX_FIELDS_PER_WORKFLOW);
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => worker(i)));
    expect((await listDetectedFields(db.prisma, hook.workflowId)).length).toBe(MAX_FIELDS_PER_WORKFLOW);
  });

  it("are written after the answer: the request does not wait for them", async () => {
    const owner = await makeOwner(db);
    const hook = await publishedHook(db, owner, { enabled: false });
    const deps = makeDeps(db);
    const response = await send(deps, { hookId: hook.hookId, body: wide("late_", 500), test: true });
    expect(response.status).toBe(201);
    // Answered while the sample still waits in the queue.
    expect(pendingSamples(db.prisma)).toBe(1);
    await settleFieldDetection(db.prisma);
    expect(pendingSamples(db.prisma)).toBe(0);
    expect((await listDetectedFields(db.prisma, hook.workflowId)).length).toBe(500);

    if (testEngine() === "postgres") {
      // While another connection holds the table, a request that brings new fields is still
      // answered at once; its fields follow when the lock goes.
      const blocker = new pg.Client({ connectionString: db.databaseUrl! });
      await blocker.connect();
      try {
        await blocker.query("BEGIN");
        await blocker.query('LOCK TABLE "DetectedField" IN EXCLUSIVE MODE');
        const started = performance.now();
        const blocked = await send(deps, { hookId: hook.hookId, body: wide("locked_", 50), test: true });
        expect(blocked.status).toBe(201);
        expect(performance.now() - started).toBeLessThan(5_000);
        await blocker.query("COMMIT");
      } finally {
        await blocker.end();
      }
      await settleFieldDetection(db.prisma);
      expect((await listDetectedFields(db.prisma, hook.workflowId)).some((f) => f.path === "locked_0")).toBe(true);
    }
  });
});
