// The group commit and the plain path (createHookSession) must write the same rows: the same
// request, sent to two identical workflows, one through each, leaves sessions and delivery
// rows that differ only in their own ids and times. Every column is compared (SELECT *), so a
// column one writer forgets fails here, on PGlite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { generateSecret } from "@/lib/hmac/signing-secrets";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { addSecret, CUSTOMER_JSON, hmacSettings, makeDeps, makeOwner, publishedHook, sendSigned } from "@/tests/inbound-webhooks/hook-test-kit";
import { createHookSession } from "./create-hook-session";
import { createGroupCommitter } from "./group-commit";
import type { HookDeps } from "./hook-types";

const db = useTestDatabase();

type Row = Record<string, unknown>;

/** Every column of the rows of one workflow and message id, without those that must differ. */
async function rowsOf(table: "Session" | "Delivery", workflowId: string, messageId: string, differ: string[]): Promise<{ all: Row[]; compared: Row[] }> {
  const all = await db.prisma.$queryRawUnsafe<Row[]>(`SELECT * FROM "${table}" WHERE "workflowId" = $1 AND "messageId" = $2 ORDER BY "id"`, workflowId, messageId);
  const compared = all.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !differ.includes(column))));
  // Delivery.bodyLength is a BigInt, which JSON.stringify refuses: the sort key writes it as text.
  const key = (row: Row) => JSON.stringify(row, (_column, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  compared.sort((a, b) => key(a).localeCompare(key(b)));
  return { all, compared };
}

describe("group commit and plain path", () => {
  it("write the same session and delivery rows, column by column", async () => {
    const settings = hmacSettings({ scheme: "standard-webhooks" });
    const owner = await makeOwner(db);
    const batchedHook = await publishedHook(db, owner, settings);
    const plainHook = await publishedHook(db, owner, settings);
    const secret = generateSecret("whsec");
    await addSecret(db, owner, batchedHook.workflowId, { value: secret });
    await addSecret(db, owner, plainHook.workflowId, { value: secret });

    const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 123);
    const timestamp = Math.floor(now.getTime() / 1000);
    const sizes: number[] = [];
    const committer = createGroupCommitter(db.prisma, { maxConcurrent: 1, onBatch: (size) => sizes.push(size) });
    const batched: HookDeps = { ...makeDeps(db, { now: () => now }), createSession: committer.createSession };
    const plain: HookDeps = { ...makeDeps(db, { now: () => now }), createSession: createHookSession };
    const sendTo = (deps: HookDeps, hookId: string, id: string) => sendSigned(deps, { hookId, body: CUSTOMER_JSON, settings, secret, id, timestamp });

    // Through the group commit: msg_same twice among others (a created row and a duplicate row).
    const burst = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => sendTo(batched, batchedHook.hookId, `msg_other_${i}`)),
      sendTo(batched, batchedHook.hookId, "msg_same"),
      sendTo(batched, batchedHook.hookId, "msg_same"),
    ]);
    expect(burst.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(201)]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    // Through the plain path: the same request twice.
    expect((await sendTo(plain, plainHook.hookId, "msg_same")).status).toBe(201);
    expect((await sendTo(plain, plainHook.hookId, "msg_same")).status).toBe(200);

    const sessionDiffer = ["id", "workflowId", "versionId", "token", "createdAt", "updatedAt"];
    const deliveryDiffer = ["id", "workflowId", "sessionId", "secretId", "latencyMs"];
    const sessions = [await rowsOf("Session", batchedHook.workflowId, "msg_same", sessionDiffer), await rowsOf("Session", plainHook.workflowId, "msg_same", sessionDiffer)];
    const deliveries = [await rowsOf("Delivery", batchedHook.workflowId, "msg_same", deliveryDiffer), await rowsOf("Delivery", plainHook.workflowId, "msg_same", deliveryDiffer)];

    expect(sessions[0]!.all).toHaveLength(1);
    expect(sessions[0]!.compared).toEqual(sessions[1]!.compared);
    expect(sessions[0]!.compared[0]).toMatchObject({ source: "webhook", status: "open", test: false, currentStep: 0 });
    expect(deliveries[0]!.all).toHaveLength(2);
    expect(deliveries[0]!.compared).toEqual(deliveries[1]!.compared);
    expect(deliveries[0]!.compared.map((d) => [d.outcome, d.status])).toEqual(expect.arrayContaining([["accepted", 201], ["duplicate", 200]]));
    expect(deliveries[0]!.compared[0]).toMatchObject({ receivedAt: now, messageId: "msg_same", secretLast4: secret.slice(-4) });

    // The columns left out differ only as they should: each path's rows point at its own session.
    for (const [i, hook] of [batchedHook, plainHook].entries()) {
      const session = sessions[i]!.all[0]!;
      expect(session.workflowId).toBe(hook.workflowId);
      for (const delivery of deliveries[i]!.all) {
        expect(delivery).toMatchObject({ workflowId: hook.workflowId, sessionId: session.id });
        expect(delivery.id).toMatch(/^c[0-9a-z]{24}$/);
      }
      expect((session.updatedAt as Date).getTime()).toBe((session.createdAt as Date).getTime());
    }
  });
});
