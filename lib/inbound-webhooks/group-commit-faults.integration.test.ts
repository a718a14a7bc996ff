// A fault after the batch insert committed (here: the look-up of originals for repeated
// message ids) must not send committed requests through the single-request path again,
// which would give them a second session. Only requests whose outcome is unknown are retried.
import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { addSecret, bodyOf, CUSTOMER, hmacSettings, makeDeps, makeOwner, publishedHook, sendSigned } from "@/tests/inbound-webhooks/hook-test-kit";
import { createGroupCommitter } from "./group-commit";
import type { HookDeps } from "./hook-types";

const lookupFails = vi.hoisted(() => ({ once: false }));
vi.mock("./hook-batch-repository", async (importOriginal) => {
  const original = await importOriginal<typeof import("./hook-batch-repository")>();
  return {
    ...original,
    findSessionsByMessageIds: (...args: Parameters<typeof original.findSessionsByMessageIds>) => {
      if (lookupFails.once) {
        lookupFails.once = false;
        return Promise.reject(new Error("connection lost after the insert committed"));
      }
      return original.findSessionsByMessageIds(...args);
    },
  };
});

const db = useTestDatabase();

describe("group commit, fault after the insert", () => {
  it("keeps each committed request's one session and retries only the unknown ones", async () => {
    const settings = hmacSettings({ scheme: "standard-webhooks" });
    const owner = await makeOwner(db);
    const hook = await publishedHook(db, owner, settings);
    const { secret } = await addSecret(db, owner, hook.workflowId);
    const committer = createGroupCommitter(db.prisma, { maxBatch: 50, maxConcurrent: 1 });
    const deps: HookDeps = { ...makeDeps(db), createSession: committer.createSession };
    const send = (id: string, i: number) =>
      sendSigned(deps, { hookId: hook.hookId, body: JSON.stringify({ ...CUSTOMER, amount: i }), settings, secret, id });

    const first = await send("msg_seen", 0);
    expect(first.status).toBe(201);

    // One batch: nine new messages and a repeat of msg_seen, whose original must be looked up.
    lookupFails.once = true;
    const burst = await Promise.all([...Array.from({ length: 9 }, (_, i) => send(`msg_new_${i}`, i + 1)), send("msg_seen", 0)]);
    expect(lookupFails.once).toBe(false); // the fault really happened
    expect(burst.slice(0, 9).map((r) => r.status)).toEqual(Array(9).fill(201));
    expect(burst[9]!.status).toBe(200);
    expect(bodyOf(burst[9]!).sessionId).toBe(bodyOf(first).sessionId);

    expect(await db.prisma.session.count({ where: { workflowId: hook.workflowId } })).toBe(10);
    const accepted = await db.prisma.delivery.count({ where: { workflowId: hook.workflowId, outcome: "accepted" } });
    expect(accepted).toBe(10);
  });
});
