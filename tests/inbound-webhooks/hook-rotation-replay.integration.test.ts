// Rotation, replay protection, idempotency under races, and load: the guarantees that must
// hold across app instances, so they rest on the database, not on process memory.
import { beforeAll, describe, expect, it } from "vitest";
import { revokeSecret } from "@/lib/webhook-secrets/revoke-secret";
import { signRequestWithSecrets } from "@/lib/hmac/sign";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { addSecret, bodyOf, bytesOf, CUSTOMER_JSON, hmacSettings, makeDeps, makeOwner, publishedHook, send, sendSigned } from "./hook-test-kit";

const db = useTestDatabase();
let owner: Awaited<ReturnType<typeof makeOwner>>;

beforeAll(async () => {
  owner = await makeOwner(db);
});

describe("rotation", () => {
  it("old and new secrets both verify during the overlap; the old one fails after expiry or revoke", async () => {
    const settings = hmacSettings({ scheme: "prefixed-hex" });
    const hook = await publishedHook(db, owner, settings);
    const t0 = new Date("2026-01-01T00:00:00Z");
    const oldSecret = await addSecret(db, owner, hook.workflowId, {}, t0);
    const newSecret = await addSecret(db, owner, hook.workflowId, { expireOthersInSeconds: 72 * 3600 }, t0);
    const at = (ms: number) => makeDeps(db, { now: () => new Date(t0.getTime() + ms) });
    const sendWith = (deps: ReturnType<typeof makeDeps>, secret: string) => sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret });

    const overlap = at(71 * 3600 * 1000);
    const viaOld = await sendWith(overlap, oldSecret.secret);
    const viaNew = await sendWith(overlap, newSecret.secret);
    expect([viaOld.status, viaNew.status]).toEqual([201, 201]);
    const rows = await db.prisma.delivery.findMany({ where: { workflowId: hook.workflowId }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => r.secretLast4)).toEqual([oldSecret.last4, newSecret.last4]);

    const after = at(72 * 3600 * 1000 + 1000);
    expect((await sendWith(after, oldSecret.secret)).status).toBe(401);
    expect((await sendWith(after, newSecret.secret)).status).toBe(201);
  });

  it("a header carrying several signatures verifies if any matches any active secret", async () => {
    const settings = hmacSettings({ scheme: "standard-webhooks" });
    const hook = await publishedHook(db, owner, settings);
    const current = await addSecret(db, owner, hook.workflowId);
    const headers = signRequestWithSecrets({ settings, secrets: ["whsec_" + Buffer.from("an unknown sender key!!").toString("base64"), current.secret], body: bytesOf(CUSTOMER_JSON) });
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    const response = await send(makeDeps(db), { hookId: hook.hookId, body: CUSTOMER_JSON, headers });
    expect(response.status).toBe(201);
  });

  it("a revoked secret stops verifying at once", async () => {
    const settings = hmacSettings({ scheme: "github" });
    const hook = await publishedHook(db, owner, settings);
    const oldSecret = await addSecret(db, owner, hook.workflowId);
    const newSecret = await addSecret(db, owner, hook.workflowId, { expireOthersInSeconds: 3600 });
    const deps = makeDeps(db);
    expect((await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: oldSecret.secret })).status).toBe(201);
    await revokeSecret(db.prisma, owner.actor, hook.workflowId, oldSecret.id);
    const refused = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: oldSecret.secret });
    expect(refused).toMatchObject({ status: 401, body: { code: "signature_mismatch" } });
    expect((await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: newSecret.secret })).status).toBe(201);
    await revokeSecret(db.prisma, owner.actor, hook.workflowId, newSecret.id);
    const none = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: newSecret.secret });
    expect(none).toMatchObject({ status: 401, body: { code: "no_active_secret" } });
  });
});

describe("replay protection", () => {
  for (const scheme of ["standard-webhooks", "stripe", "slack"] as const) {
    it(`${scheme}: a timestamp outside the tolerance is 401, in both directions; inside is fine`, async () => {
      const settings = hmacSettings({ scheme, toleranceSeconds: 300 });
      const hook = await publishedHook(db, owner, settings);
      const secret = (await addSecret(db, owner, hook.workflowId)).secret;
      const now = Math.floor(Date.now() / 1000);
      // A fixed server clock: a second boundary between signing and verifying must not flake.
      const deps = makeDeps(db, { now: () => new Date(now * 1000) });
      const at = (timestamp: number) => sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, timestamp });
      expect((await at(now - 301)).body).toMatchObject({ code: "timestamp_out_of_tolerance" });
      expect((await at(now + 301)).status).toBe(401);
      expect((await at(now - 290)).status).toBe(201);
      expect((await at(now + 290)).status).toBe(201);
    });
  }

  it("the same message id returns the original session (200, same body) instead of a second one", async () => {
    const settings = hmacSettings({ scheme: "standard-webhooks" });
    const hook = await publishedHook(db, owner, settings);
    const secret = (await addSecret(db, owner, hook.workflowId)).secret;
    const deps = makeDeps(db);
    const first = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, id: "msg_replayed" });
    const again = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, id: "msg_replayed" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await db.prisma.session.count({ where: { workflowId: hook.workflowId } })).toBe(1);
    const rows = await db.prisma.delivery.findMany({ where: { workflowId: hook.workflowId }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => [r.status, r.outcome, r.sessionId])).toEqual([
      [201, "accepted", bodyOf(first).sessionId],
      [200, "duplicate", bodyOf(first).sessionId],
    ]);
    // svix-* header names are the same scheme.
    const svix = await sendSigned(deps, {
      hookId: hook.hookId,
      body: CUSTOMER_JSON,
      settings,
      secret,
      id: "msg_svix",
    }).then(async (native) => {
      const headers = Object.fromEntries(Object.entries((await import("@/lib/hmac/sign")).signRequest({ settings, secret, body: bytesOf(CUSTOMER_JSON), id: "msg_svix" })).map(([k, v]) => [k.replace("webhook-", "svix-"), v]));
      return [native, await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, headers })] as const;
    });
    expect(svix.map((r) => r.status)).toEqual([201, 200]);
  });

  it("a configured id header (custom scheme) makes requests idempotent too", async () => {
    const settings = hmacSettings({ scheme: "custom", custom: { header: "X-Sig", idHeader: "X-Delivery-Id", signedContent: "{id}.{body}" } } as never);
    const hook = await publishedHook(db, owner, settings);
    const secret = (await addSecret(db, owner, hook.workflowId)).secret;
    const deps = makeDeps(db);
    const a = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, id: "delivery-7" });
    const b = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, id: "delivery-7" });
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(bodyOf(b).sessionId).toBe(bodyOf(a).sessionId);
  });

  it("20 concurrent duplicates produce exactly one session; every answer names it", async () => {
    const settings = hmacSettings({ scheme: "standard-webhooks" });
    const hook = await publishedHook(db, owner, settings);
    const secret = (await addSecret(db, owner, hook.workflowId)).secret;
    const deps = makeDeps(db);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, id: "msg_race" })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(new Set(responses.map((r) => bodyOf(r).sessionId)).size).toBe(1);
    expect(await db.prisma.session.count({ where: { workflowId: hook.workflowId } })).toBe(1);
    expect(await db.prisma.delivery.count({ where: { workflowId: hook.workflowId } })).toBe(20);
  });

  it("two app instances (separate limiters and deps) racing on one message id still make one session", async () => {
    const settings = hmacSettings({ scheme: "standard-webhooks" });
    const hook = await publishedHook(db, owner, settings);
    const secret = (await addSecret(db, owner, hook.workflowId)).secret;
    const instanceA = makeDeps(db, { instance: "A" });
    const instanceB = makeDeps(db, { instance: "B" });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => sendSigned(i % 2 ? instanceA : instanceB, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, id: "msg_two_instances" })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(await db.prisma.session.count({ where: { workflowId: hook.workflowId } })).toBe(1);
  });
});

describe("load", () => {
  it("200 concurrent signed requests to one hook: 200 sessions, 200 delivery rows, no 5xx", async () => {
    const settings = hmacSettings({ scheme: "prefixed-hex" });
    const hook = await publishedHook(db, owner, settings);
    const secret = (await addSecret(db, owner, hook.workflowId)).secret;
    const deps = makeDeps(db);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        sendSigned(deps, { hookId: hook.hookId, body: JSON.stringify({ customer: { email: `u${i}@example.com`, name: `User ${i}` }, amount: i }), settings, secret }),
      ),
    );
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(responses.map((r) => bodyOf(r).sessionId)).size).toBe(200);
    expect(await db.prisma.session.count({ where: { workflowId: hook.workflowId } })).toBe(200);
    expect(await db.prisma.delivery.count({ where: { workflowId: hook.workflowId, status: 201 } })).toBe(200);
  });
});
