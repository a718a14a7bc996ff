// The delivery log as builders read it: filters, reasons in words, payloads, and the signature
// debugger (test deliveries, editors only) with its hints.
import { beforeAll, describe, expect, it } from "vitest";
import { listDeliveryViews } from "@/lib/delivery-log/list-deliveries";
import { signRequest } from "@/lib/hmac/sign";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { addSecret, bytesOf, CUSTOMER, CUSTOMER_JSON, hmacSettings, makeDeps, makeOwner, publishedHook, send, sendSigned, TEST_KEYS } from "./hook-test-kit";

const db = useTestDatabase();
let owner: Awaited<ReturnType<typeof makeOwner>>;

beforeAll(async () => {
  owner = await makeOwner(db);
});

describe("delivery log", () => {
  it("lists newest first with filters; viewers see rows but no debugger", async () => {
    const settings = hmacSettings({ scheme: "prefixed-hex" });
    const hook = await publishedHook(db, owner, settings);
    const { secret } = await addSecret(db, owner, hook.workflowId);
    let clock = Date.parse("2026-05-01T10:00:00Z");
    const deps = makeDeps(db, { now: () => new Date((clock += 1000)) });
    await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret });
    await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, test: true });
    await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, test: true });

    const all = await listDeliveryViews(db.prisma, owner.actor, hook.workflowId, {}, { keys: TEST_KEYS });
    expect(all.deliveries.map((d) => [d.test, d.reasonCode])).toEqual([[true, "accepted"], [true, "signature_missing"], [false, "accepted"]]);
    expect(all.deliveries[1]!.reason).toMatch(/missing/);
    expect(all.deliveries[2]!.payload).toBe(CUSTOMER_JSON);
    expect(all.canDebug).toBe(true);
    expect(all.deliveries[0]!.debug).not.toBeNull();
    expect(all.deliveries[2]!.debug).toBeNull(); // live deliveries never get a debugger

    const live = await listDeliveryViews(db.prisma, owner.actor, hook.workflowId, { test: false }, { keys: TEST_KEYS });
    expect(live.deliveries).toHaveLength(1);
    const rejected = await listDeliveryViews(db.prisma, owner.actor, hook.workflowId, { outcome: "rejected" }, { keys: TEST_KEYS });
    expect(rejected.deliveries.map((d) => d.reasonCode)).toEqual(["signature_missing"]);

    const viewer = await makeOwner(db, "viewer");
    await upsertMembership(db.prisma, owner.workspaceId, viewer.actor.userId, "viewer");
    const seen = await listDeliveryViews(db.prisma, viewer.actor, hook.workflowId, {}, { keys: TEST_KEYS });
    expect(seen.canDebug).toBe(false);
    expect(seen.deliveries.every((d) => d.debug === null)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(secret);
  });

  it("the debugger shows body hash, received and expected signatures, and finds a pretty-printed body signed minified", async () => {
    const settings = hmacSettings({ scheme: "prefixed-hex" });
    const hook = await publishedHook(db, owner, settings);
    const created = await addSecret(db, owner, hook.workflowId);
    const headers = signRequest({ settings, secret: created.secret, body: bytesOf(CUSTOMER_JSON) });
    const pretty = JSON.stringify(CUSTOMER, null, 2);
    const response = await send(makeDeps(db), { hookId: hook.hookId, body: pretty, headers, test: true });
    expect(response.status).toBe(401);

    const [delivery] = (await listDeliveryViews(db.prisma, owner.actor, hook.workflowId, {}, { keys: TEST_KEYS })).deliveries;
    const debug = delivery!.debug!;
    expect(debug.bodyLength).toBe(bytesOf(pretty).byteLength);
    expect(debug.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(debug.received["x-signet-signature"]).toMatch(/^sha256=[0-9a-f]{8}…$/);
    expect(debug.expected).toHaveLength(1);
    expect(debug.expected[0]).toMatchObject({ secretId: created.id, last4: created.last4 });
    expect(debug.expected[0]!.headers["X-Signet-Signature"]).toEqual(signRequest({ settings, secret: created.secret, body: bytesOf(pretty) })["X-Signet-Signature"]);
    expect(debug.hints[0]).toMatch(/minified JSON/);
    expect(debug.hints.join(" ")).toMatch(/pretty-printed/);
  });

  it("hints for clock skew, non-ASCII, \\u escapes, BOM and trailing newline", async () => {
    const settings = hmacSettings({ scheme: "stripe" });
    const hook = await publishedHook(db, owner, settings, { mapping: [] });
    const { secret } = await addSecret(db, owner, hook.workflowId);
    const now = Math.floor(Date.now() / 1000);
    const deps = makeDeps(db, { now: () => new Date(now * 1000) });
    await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret, timestamp: now - 3600, test: true });
    const odd = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('{"name":"Zo\\u00eb Ñ"}\n')]);
    await send(deps, { hookId: hook.hookId, body: odd, headers: signRequest({ settings, secret: "whsec_other", body: odd, timestamp: now }), test: true });

    const [oddRow, skewRow] = (await listDeliveryViews(db.prisma, owner.actor, hook.workflowId, {}, { keys: TEST_KEYS })).deliveries;
    expect(skewRow!.reasonCode).toBe("timestamp_out_of_tolerance");
    expect(skewRow!.debug!.hints.join(" ")).toMatch(/Clock skew: .*3600 s behind/);
    const hints = oddRow!.debug!.hints.join(" ");
    expect(hints).toMatch(/byte order mark/);
    expect(hints).toMatch(/\\u escapes/);
    expect(hints).toMatch(/non-ASCII/);
    expect(hints).toMatch(/trailing newline|ends with a newline/);
    expect(hints).toMatch(/another secret/);
  });
});
