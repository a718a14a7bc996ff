// What anonymous senders can make the server store (the security probe's "unbounded storage"
// and "integer overflow" findings): a rejected body is kept only as a bounded prefix with its
// full length and SHA-256, each workflow has a quota of stored test payload bytes, and the
// delivery log's list never loads more than a preview of each body.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { BODY_PREVIEW_BYTES } from "@/lib/delivery-log/delivery-repository";
import { pruneDeliveries } from "@/lib/delivery-log/prune-deliveries";
import { listDeliveries, listDeliveryViews } from "@/lib/delivery-log/list-deliveries";
import { REJECTED_BODY_PREFIX_BYTES, TEST_PAYLOAD_QUOTA_BYTES } from "@/lib/delivery-log/test-payload-quota";
import { handleHookRequest } from "@/lib/inbound-webhooks/handle-hook-request";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { TEST_KEYS, bytesOf, CUSTOMER_JSON, hmacSettings, makeDeps, makeOwner, publishedHook, send, sendSigned, addSecret } from "./hook-test-kit";

const db = useTestDatabase();
let owner: Awaited<ReturnType<typeof makeOwner>>;

beforeAll(async () => {
  owner = await makeOwner(db);
});

const settings = hmacSettings({ scheme: "prefixed-hex" });
const LIMIT = 2 * 1024 * 1024;

async function signedHook() {
  const hook = await publishedHook(db, owner, settings);
  const secret = await addSecret(db, owner, hook.workflowId);
  return { ...hook, secret: secret.secret };
}

function storedRows(workflowId: string) {
  return db.prisma.$queryRawUnsafe<{ reasonCode: string; test: boolean; bodyLength: bigint; bodySha256: string; stored: number | null }[]>(
    `SELECT "reasonCode", "test", "bodyLength", "bodySha256", octet_length("body") AS "stored" FROM "Delivery" WHERE "workflowId" = $1 ORDER BY "receivedAt", "id"`,
    workflowId,
  );
}

/** A JSON body of exactly `size` bytes. */
function jsonOf(size: number): string {
  const body = JSON.stringify({ pad: "" });
  return JSON.stringify({ pad: "x".repeat(size - body.length) });
}

describe("a rejected test request", () => {
  it("keeps only a bounded prefix of its body, with the full length and SHA-256", async () => {
    const hook = await signedHook();
    const body = jsonOf(1024 * 1024);
    const response = await sendSigned(makeDeps(db, { limitBytes: LIMIT }), { hookId: hook.hookId, test: true, body, settings, secret: "whsec_wrong-secret-for-the-probe" });
    expect(response.status).toBe(401);
    const [row] = await storedRows(hook.workflowId);
    expect(row).toMatchObject({ reasonCode: "signature_mismatch", test: true, stored: REJECTED_BODY_PREFIX_BYTES });
    expect(Number(row!.bodyLength)).toBe(1024 * 1024);
    expect(row!.bodySha256).toBe(createHash("sha256").update(body).digest("hex"));

    // The log says the payload is cut, and does not pretend to debug a signature over a prefix.
    const { deliveries } = await listDeliveryViews(db.prisma, owner.actor, hook.workflowId, {}, { keys: TEST_KEYS });
    expect(deliveries[0]).toMatchObject({ bodyLength: 1024 * 1024, payloadTruncated: true, debug: null });
  });

  it("a small rejected body is kept whole, and the debugger still reads it", async () => {
    const hook = await signedHook();
    const response = await sendSigned(makeDeps(db), { hookId: hook.hookId, test: true, body: CUSTOMER_JSON, settings, secret: "whsec_wrong-secret-for-the-probe" });
    expect(response.status).toBe(401);
    const [row] = await storedRows(hook.workflowId);
    expect(row!.stored).toBe(bytesOf(CUSTOMER_JSON).byteLength);
    const { deliveries } = await listDeliveryViews(db.prisma, owner.actor, hook.workflowId, {}, { keys: TEST_KEYS });
    expect(deliveries[0]!.payloadTruncated).toBe(false);
    expect(deliveries[0]!.debug?.expected.length).toBeGreaterThan(0);
  });
});

describe("each workflow's quota of stored test payloads", () => {
  it("stops keeping test bodies once the quota is spent; rows keep length and hash; other workflows are unaffected", async () => {
    const hook = await signedHook();
    const other = await signedHook();
    const deps = makeDeps(db, { limitBytes: LIMIT });
    const body = jsonOf(REJECTED_BODY_PREFIX_BYTES * 4);
    const posts = Math.ceil(TEST_PAYLOAD_QUOTA_BYTES / REJECTED_BODY_PREFIX_BYTES) + 5;
    for (let i = 0; i < posts; i++) {
      const r = await sendSigned(deps, { hookId: hook.hookId, test: true, body, settings, secret: "whsec_wrong-secret-for-the-probe" });
      expect(r.status).toBe(401);
    }
    const rows = await storedRows(hook.workflowId);
    expect(rows).toHaveLength(posts);
    const storedBytes = rows.reduce((sum, r) => sum + (r.stored ?? 0), 0);
    expect(storedBytes).toBeLessThanOrEqual(TEST_PAYLOAD_QUOTA_BYTES);
    expect(storedBytes).toBeGreaterThan(TEST_PAYLOAD_QUOTA_BYTES - REJECTED_BODY_PREFIX_BYTES);
    expect(rows.at(-1)!.stored).toBeNull();
    expect(rows.every((r) => Number(r.bodyLength) === bytesOf(body).byteLength && /^[0-9a-f]{64}$/.test(r.bodySha256))).toBe(true);

    // A signed test request of the builder's still starts its session; its body is not kept.
    const accepted = await sendSigned(deps, { hookId: hook.hookId, test: true, body: CUSTOMER_JSON, settings, secret: hook.secret });
    expect(accepted.status).toBe(201);
    expect((await storedRows(hook.workflowId)).at(-1)).toMatchObject({ reasonCode: "accepted", stored: null });

    // Live accepted payloads are not test payloads: kept as always.
    const live = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: hook.secret });
    expect(live.status).toBe(201);
    expect((await storedRows(hook.workflowId)).at(-1)).toMatchObject({ test: false, stored: bytesOf(CUSTOMER_JSON).byteLength });

    const elsewhere = await sendSigned(deps, { hookId: other.hookId, test: true, body: CUSTOMER_JSON, settings, secret: other.secret });
    expect(elsewhere.status).toBe(201);
    expect((await storedRows(other.workflowId)).at(-1)!.stored).toBe(bytesOf(CUSTOMER_JSON).byteLength);
  });
});

describe("retention", () => {
  it("gives the quota back when it deletes old test rows", async () => {
    const hook = await signedHook();
    const deps = makeDeps(db, { limitBytes: LIMIT });
    const body = jsonOf(REJECTED_BODY_PREFIX_BYTES);
    const posts = Math.ceil(TEST_PAYLOAD_QUOTA_BYTES / REJECTED_BODY_PREFIX_BYTES) + 1;
    for (let i = 0; i < posts; i++) await sendSigned(deps, { hookId: hook.hookId, test: true, body, settings, secret: "whsec_wrong-secret-for-the-probe" });
    expect((await storedRows(hook.workflowId)).at(-1)!.stored).toBeNull();

    await pruneDeliveries(db.prisma, { retentionDays: 1, now: new Date(Date.now() + 2 * 86_400_000) });
    expect(await storedRows(hook.workflowId)).toHaveLength(0);
    const again = await sendSigned(deps, { hookId: hook.hookId, test: true, body, settings, secret: "whsec_wrong-secret-for-the-probe" });
    expect(again.status).toBe(401);
    expect((await storedRows(hook.workflowId))[0]!.stored).toBe(REJECTED_BODY_PREFIX_BYTES);
  });
});

describe("listing deliveries", () => {
  it("reads at most a preview of each stored body, however large the stored payloads", async () => {
    const hook = await signedHook();
    const deps = makeDeps(db, { limitBytes: LIMIT });
    const big = JSON.stringify({ customer: { email: "ada@example.com", name: "Ada" }, amount: 42, pad: "y".repeat(1024 * 1024) });
    for (let i = 0; i < 3; i++) expect((await sendSigned(deps, { hookId: hook.hookId, body: big, settings, secret: hook.secret })).status).toBe(201);
    const { deliveries } = await listDeliveries(db.prisma, owner.actor, hook.workflowId);
    expect(deliveries).toHaveLength(3);
    for (const d of deliveries) {
      expect(d.bodyLength).toBe(bytesOf(big).byteLength);
      expect(d.body!.byteLength).toBe(BODY_PREVIEW_BYTES);
      expect(d.bodyComplete).toBe(false);
    }
  });
});

describe("lengths", () => {
  it("a declared Content-Length past 32 bits gets its 413 and a delivery row with that length", async () => {
    const hook = await signedHook();
    const response = await handleHookRequest(makeDeps(db), {
      hookId: hook.hookId,
      test: false,
      method: "POST",
      headers: new Headers({ "content-type": "application/json", "content-length": "99999999999" }),
      body: new ReadableStream<Uint8Array>({ pull: () => {} }, { highWaterMark: 0 }),
    });
    expect(response.status).toBe(413);
    const rows = await storedRows(hook.workflowId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reasonCode: "payload_too_large", stored: null });
    expect(rows[0]!.bodyLength).toBe(99999999999n);
    const { deliveries } = await listDeliveries(db.prisma, owner.actor, hook.workflowId);
    expect(deliveries[0]!.bodyLength).toBe(99999999999);
  });
});

describe("ids holding a NUL byte", () => {
  it("are an unknown webhook (404), not a server fault", async () => {
    for (const hookId of ["\u0000", "hk_\u0000abc", "%00"]) {
      const response = await send(makeDeps(db), { hookId, body: CUSTOMER_JSON });
      expect(response.status, JSON.stringify(hookId)).toBe(404);
    }
  });
});
