// Every status code of POST /api/hooks/{hookId}, every scheme end to end, test mode and the
// delivery log, through handleHookRequest on a real database (PGlite or PostgreSQL).
import { beforeAll, describe, expect, it } from "vitest";
import { settleFieldDetection } from "@/lib/field-detection/sample-queue";
import { listDetectedFields } from "@/lib/field-detection/detected-field-repository";
import { signRequest } from "@/lib/hmac/sign";
import type { THmacSettings } from "@/lib/hmac/schemas";
import { findSessionByToken } from "@/lib/sessions/session-repository";
import { useTestDatabase } from "@/tests/helpers/test-db";
import {
  addSecret,
  bodyOf,
  bytesOf,
  CUSTOMER,
  CUSTOMER_JSON,
  hmacSettings,
  makeDeps,
  makeOwner,
  MAPPING,
  publishedHook,
  send,
  sendSigned,
} from "./hook-test-kit";

const db = useTestDatabase();
let owner: Awaited<ReturnType<typeof makeOwner>>;

beforeAll(async () => {
  owner = await makeOwner(db);
});

async function signedHook(settings: THmacSettings, definition: { steps?: unknown; mapping?: unknown } = {}) {
  const hook = await publishedHook(db, owner, settings, definition);
  const secret = await addSecret(db, owner, hook.workflowId);
  return { ...hook, secret: secret.secret, secretId: secret.id, last4: secret.last4, settings };
}

function deliveries(workflowId: string) {
  return db.prisma.delivery.findMany({ where: { workflowId }, orderBy: { receivedAt: "asc" } });
}

async function sessionData(sessionUrl: string | undefined) {
  const token = sessionUrl!.split("/s/")[1]!;
  return (await findSessionByToken(db.prisma, token))!;
}

const SCHEMES: THmacSettings[] = [
  hmacSettings({ scheme: "prefixed-hex" }),
  hmacSettings({ scheme: "prefixed-hex", algorithm: "sha512", header: "X-Partner-Sig" }),
  hmacSettings({ scheme: "plain-hex", header: "X-HMAC-HASH" }),
  hmacSettings({ scheme: "standard-webhooks" }),
  hmacSettings({ scheme: "stripe" }),
  hmacSettings({ scheme: "slack" }),
  hmacSettings({ scheme: "github" }),
  hmacSettings({ scheme: "shopify" }),
  hmacSettings({ scheme: "prefixed-hex", algorithm: "ripemd160" }),
  hmacSettings({ scheme: "plain-hex", algorithm: "ripemd128" }),
  hmacSettings({
    scheme: "custom",
    custom: { header: "X-Custom-Sig", prefix: "hmac=", encoding: "base64url", signedContent: "{timestamp}:{id}:{body}", timestampHeader: "X-Ts", idHeader: "X-Id", separator: "," },
  } as Partial<THmacSettings> & { scheme: "custom" }),
];

describe("every scheme end to end", () => {
  for (const settings of SCHEMES) {
    it(`${settings.scheme}/${settings.algorithm}: signed → 201 and the session is prefilled; tampered → 401`, async () => {
      const hook = await signedHook(settings);
      const deps = makeDeps(db);
      const ok = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: hook.secret });
      expect(ok.status).toBe(201);
      expect(bodyOf(ok)).toMatchObject({ test: false, sessionUrl: expect.stringMatching(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{43}$/) });
      const session = await sessionData(bodyOf(ok).sessionUrl);
      expect(session.id).toBe(bodyOf(ok).sessionId);
      expect(session.data).toEqual({ email: "ada@example.com", name: "Ada", amount: 42 });

      const headers = signRequest({ settings, secret: hook.secret, body: bytesOf(CUSTOMER_JSON) });
      const tampered = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON.replace("42", "43"), headers });
      expect(tampered.status).toBe(401);
      expect(bodyOf(tampered).code).toBe("signature_mismatch");

      const rows = await deliveries(hook.workflowId);
      expect(rows.map((r) => [r.status, r.reasonCode, r.outcome])).toEqual([
        [201, "accepted", "accepted"],
        [401, "signature_mismatch", "rejected"],
      ]);
      expect(rows[0]).toMatchObject({ secretId: hook.secretId, secretLast4: hook.last4, sessionId: session.id, test: false });
      expect(Buffer.from(rows[0]!.body!).toString("utf8")).toBe(CUSTOMER_JSON);
      expect(rows[1]!.body).toBeNull(); // rejected live requests keep no payload
    });
  }
});

describe("status codes", () => {
  const settings = hmacSettings({ scheme: "prefixed-hex" });

  it("404 for an unknown hook and for a workflow that was never published", async () => {
    const deps = makeDeps(db);
    const unknown = await send(deps, { hookId: "hk_doesnotexist", body: "{}" });
    expect(unknown).toMatchObject({ status: 404, body: { code: "not_found" } });
    const draft = await (await import("@/lib/workflows/create-workflow")).createWorkflow(db.prisma, owner.actor, owner.workspaceId, { name: "Draft only" });
    const unpublished = await send(deps, { hookId: draft.hookId, body: "{}" });
    expect(unpublished).toMatchObject({ status: 404, body: { code: "not_found" } });
    expect((await deliveries(draft.id)).map((r) => r.reasonCode)).toEqual(["not_published"]);
  });

  it("405 with Allow: POST for other methods", async () => {
    const hook = await signedHook(settings);
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const response = await send(makeDeps(db), { hookId: hook.hookId, method, body: method === "GET" ? undefined : "{}" });
      expect(response.status).toBe(405);
      expect(response.headers.Allow).toBe("POST");
      expect(bodyOf(response).code).toBe("method_not_allowed");
    }
  });

  it("415 for other content types, checked before the body is read", async () => {
    const hook = await signedHook(settings);
    for (const contentType of ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1", null]) {
      const response = await sendSigned(makeDeps(db), { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: hook.secret, contentType });
      expect(response.status, String(contentType)).toBe(415);
      expect(bodyOf(response).code).toBe("unsupported_media_type");
    }
    const ok = await sendSigned(makeDeps(db), { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: hook.secret, contentType: "application/json; charset=UTF-8" });
    expect(ok.status).toBe(201);
  });

  it("413 for a body one byte over the limit, streamed without Content-Length; the limit itself is fine", async () => {
    const hook = await signedHook(settings, { mapping: [] , steps: [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "pad", label: "Pad" }] }] });
    const limit = 1000;
    const deps = makeDeps(db, { limitBytes: limit });
    const exact = JSON.stringify({ pad: "x".repeat(limit - 10) });
    expect(bytesOf(exact).byteLength).toBe(limit);
    const atLimit = await sendSigned(deps, { hookId: hook.hookId, body: exact, settings, secret: hook.secret, chunkSize: 100 });
    expect(atLimit.status).toBe(201);
    const over = JSON.stringify({ pad: "x".repeat(limit - 9) });
    const tooBig = await sendSigned(deps, { hookId: hook.hookId, body: over, settings, secret: hook.secret, chunkSize: 100 });
    expect(tooBig).toMatchObject({ status: 413, body: { code: "payload_too_large" } });
  });

  it("413 up front for a declared Content-Length over the limit, without reading the stream", async () => {
    const hook = await signedHook(settings);
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({ pull: () => void (pulled = true) }, { highWaterMark: 0 });
    const { handleHookRequest } = await import("@/lib/inbound-webhooks/handle-hook-request");
    const response = await handleHookRequest(makeDeps(db, { limitBytes: 1024 * 1024 }), {
      hookId: hook.hookId,
      test: false,
      method: "POST",
      headers: new Headers({ "content-type": "application/json", "content-length": String(1024 * 1024 + 1) }),
      body,
    });
    expect(response.status).toBe(413);
    expect(pulled).toBe(false);
  });

  it("400 for malformed signature headers, 401 for missing, wrong or no secret", async () => {
    const hook = await signedHook(settings);
    const deps = makeDeps(db);
    const good = signRequest({ settings, secret: hook.secret, body: bytesOf(CUSTOMER_JSON) })["X-Signet-Signature"]!;
    const hex = good.slice("sha256=".length);
    const malformed = [hex, `sha1=${hex}`, `SHA256=${hex}`, `sha256=${hex.slice(2)}`, `sha256=${hex.slice(0, 62)}zz`, `sha256= ${hex}`, `sha256=${hex}00`];
    for (const value of malformed) {
      const response = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, headers: { "X-Signet-Signature": value } });
      expect(response.status, value).toBe(400);
      expect(bodyOf(response).code).toBe("signature_malformed");
    }
    // Hex digits may be either case.
    const upper = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, headers: { "X-Signet-Signature": `sha256=${hex.toUpperCase()}` } });
    expect(upper.status).toBe(201);

    const missing = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON });
    expect(missing).toMatchObject({ status: 401, body: { code: "signature_missing" } });
    const wrong = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: "whsec_not-the-secret" });
    expect(wrong).toMatchObject({ status: 401, body: { code: "signature_mismatch" } });

    const noSecret = await publishedHook(db, owner, settings);
    await db.prisma.webhookSecret.updateMany({ where: { workflowId: noSecret.workflowId }, data: { revokedAt: new Date() } });
    const none = await sendSigned(deps, { hookId: noSecret.hookId, body: CUSTOMER_JSON, settings, secret: hook.secret });
    expect(none).toMatchObject({ status: 401, body: { code: "no_active_secret" } });

    // Nothing the sender gets back contains the secret or the expected signature.
    for (const response of [wrong, missing, none]) {
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(hook.secret);
      expect(text).not.toContain(hex);
    }
  });

  it("401 for a pretty-printed body signed as minified JSON (verification is over the raw bytes)", async () => {
    const hook = await signedHook(settings);
    const headers = signRequest({ settings, secret: hook.secret, body: bytesOf(CUSTOMER_JSON) });
    const pretty = JSON.stringify(CUSTOMER, null, 2);
    const response = await send(makeDeps(db), { hookId: hook.hookId, body: pretty, headers });
    expect(response).toMatchObject({ status: 401, body: { code: "signature_mismatch" } });
  });

  it("422 for a verified body that is not JSON, or a missing or unusable value of a required: true mapping entry", async () => {
    const hook = await signedHook(settings, { mapping: MAPPING.map((entry) => ({ ...entry, required: true })) });
    const deps = makeDeps(db);
    const notJson = await sendSigned(deps, { hookId: hook.hookId, body: "{not json", settings, secret: hook.secret });
    expect(notJson).toMatchObject({ status: 422, body: { code: "invalid_body" } });
    const badUtf8 = await sendSigned(deps, { hookId: hook.hookId, body: new Uint8Array([0x7b, 0xff, 0x7d]), settings, secret: hook.secret });
    expect(badUtf8).toMatchObject({ status: 422, body: { code: "invalid_body" } });
    const missing = await sendSigned(deps, { hookId: hook.hookId, body: JSON.stringify({ customer: { name: "Ada" }, amount: 5 }), settings, secret: hook.secret });
    expect(missing).toMatchObject({ status: 422, body: { code: "required_field_missing", issues: [{ path: ["customer.email"], field: "email" }] } });
    const coerce = await sendSigned(deps, { hookId: hook.hookId, body: JSON.stringify({ customer: { email: "ada@example.com" }, amount: "lots" }), settings, secret: hook.secret });
    expect(coerce).toMatchObject({ status: 422, body: { code: "mapping_failed" } });
    expect(JSON.stringify(coerce.body)).toContain("Expected a number");
    // Valid JSON that PostgreSQL cannot store (NUL, a lone surrogate): a 422, never a 500,
    // in live and test mode (test mode also stores detected fields), and through the batcher.
    for (const test of [false, true]) {
      for (const name of ["a\\u0000b", "\\ud800"]) {
        const body = `{"customer":{"email":"ada@example.com","name":"${name}"}}`;
        const unstorable = await sendSigned(deps, { hookId: hook.hookId, body, settings, secret: hook.secret, test });
        expect(unstorable, `${name} test=${test}`).toMatchObject({ status: 422, body: { code: "invalid_body" } });
      }
    }
    // Nothing was created for any of them.
    expect(await db.prisma.session.count({ where: { workflowId: hook.workflowId } })).toBe(0);
  });

  it("an unsigned body is 422 only after verification: an invalid body with a bad signature is 401", async () => {
    const hook = await signedHook(settings);
    const response = await send(makeDeps(db), { hookId: hook.hookId, body: "{not json", headers: { "X-Signet-Signature": `sha256=${"0".repeat(64)}` } });
    expect(response.status).toBe(401);
  });

  it("429 with Retry-After past the per-hook rate limit, counted per hook", async () => {
    const hook = await signedHook(settings);
    const other = await signedHook(settings);
    const deps = makeDeps(db, { perMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: hook.secret })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: hook.secret });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["Retry-After"])).toBeGreaterThanOrEqual(1);
    expect(bodyOf(limited).code).toBe("rate_limited");
    expect((await sendSigned(deps, { hookId: other.hookId, body: CUSTOMER_JSON, settings, secret: other.secret })).status).toBe(201);
  });

  it("HMAC off: no signature needed", async () => {
    const hook = await publishedHook(db, owner, { enabled: false });
    const response = await send(makeDeps(db), { hookId: hook.hookId, body: CUSTOMER_JSON });
    expect(response.status).toBe(201);
    expect((await deliveries(hook.workflowId))[0]).toMatchObject({ status: 201, secretId: null });
  });

  it("HMAC off: an unsigned message id is not honoured, so it can't fetch another sender's session", async () => {
    const hook = await publishedHook(db, owner, { scheme: "standard-webhooks", enabled: false });
    const headers = { "webhook-id": "msg_order_1001", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA" };
    const first = await send(makeDeps(db), { hookId: hook.hookId, body: CUSTOMER_JSON, headers });
    const second = await send(makeDeps(db), { hookId: hook.hookId, body: CUSTOMER_JSON, headers });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(bodyOf(second).sessionUrl).not.toBe(bodyOf(first).sessionUrl);
  });

  it("non-ASCII payloads (emoji, accents, CJK) are prefilled byte-exact", async () => {
    const hook = await signedHook(settings);
    const name = "Zoë Ñúñez 😀👩🏽‍💻 山田太郎 Ⅻ e\u0301";
    const body = JSON.stringify({ customer: { email: "zoe@example.com", name } });
    const response = await sendSigned(makeDeps(db), { hookId: hook.hookId, body, settings, secret: hook.secret });
    expect(response.status).toBe(201);
    const session = await sessionData(bodyOf(response).sessionUrl);
    expect((session.data as { name: string }).name).toBe(name);
    expect(Buffer.from((session.data as { name: string }).name, "utf8").equals(Buffer.from(name, "utf8"))).toBe(true);
    // \u escapes are signed as sent and decoded after verification.
    const escaped = `{"customer":{"email":"zoe@example.com","name":"Zo\\u00eb \\ud83d\\ude00"}}`;
    const second = await sendSigned(makeDeps(db), { hookId: hook.hookId, body: escaped, settings, secret: hook.secret });
    expect((await sessionData(bodyOf(second).sessionUrl)).data).toMatchObject({ name: "Zoë 😀" });
  });
});

describe("Slack", () => {
  const settings = hmacSettings({ scheme: "slack" });
  const slackSteps = [{ type: "form", id: "s", title: "Slash command", fields: [{ type: "text", key: "user", label: "User", required: true }, { type: "text", key: "text", label: "Text" }] }];
  const slackMapping = [{ from: "user_name", to: "user" }, { from: "text", to: "text" }];

  it("accepts a form-urlencoded slash command, verified over the raw form bytes", async () => {
    const hook = await signedHook(settings, { steps: slackSteps, mapping: slackMapping });
    const body = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&user_name=Steve+%C3%89&command=%2Fweather&text=94070+%F0%9F%8C%A7";
    const response = await sendSigned(makeDeps(db), { hookId: hook.hookId, body, settings, secret: hook.secret, contentType: "application/x-www-form-urlencoded" });
    expect(response.status).toBe(201);
    expect((await sessionData(bodyOf(response).sessionUrl)).data).toEqual({ user: "Steve É", text: "94070 🌧" });
  });

  it("answers url_verification with the challenge, and only when signed", async () => {
    const hook = await signedHook(settings, { steps: slackSteps, mapping: slackMapping });
    const body = JSON.stringify({ token: "x", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
    const response = await sendSigned(makeDeps(db), { hookId: hook.hookId, body, settings, secret: hook.secret });
    expect(response).toMatchObject({ status: 200, body: { challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" } });
    const unsigned = await send(makeDeps(db), { hookId: hook.hookId, body });
    expect(unsigned.status).toBe(401);
    expect(await db.prisma.session.count({ where: { workflowId: hook.workflowId } })).toBe(0);
    expect((await deliveries(hook.workflowId)).map((r) => r.reasonCode)).toEqual(["url_verification", "signature_missing"]);
  });
});

describe("test mode", () => {
  const settings = hmacSettings({ scheme: "prefixed-hex" });

  it("still enforces HMAC, creates a test session, stores the sample and detects fields", async () => {
    const hook = await signedHook(settings);
    const deps = makeDeps(db);
    const unsigned = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, test: true });
    expect(unsigned.status).toBe(401);

    const payload = { customer: { email: "ada@example.com", name: "Ada", tags: ["a", "b"] }, amount: 42, paid: true, items: [{ sku: "A-1", qty: 2 }], note: null, due: "2024-12-31" };
    const body = JSON.stringify(payload);
    const response = await sendSigned(deps, { hookId: hook.hookId, body, settings, secret: hook.secret, test: true });
    expect(response.status).toBe(201);
    expect(bodyOf(response).test).toBe(true);
    const session = await sessionData(bodyOf(response).sessionUrl);
    expect(session.test).toBe(true);

    await settleFieldDetection(db.prisma);
    const fields = await listDetectedFields(db.prisma, hook.workflowId);
    const byPath = Object.fromEntries(fields.map((f) => [f.path, [f.type, f.example]]));
    expect(byPath).toMatchObject({
      "customer.email": ["email", "ada@example.com"],
      "customer.name": ["string", "Ada"],
      "customer.tags": ["array", "[2 items]"],
      amount: ["number", 42],
      paid: ["boolean", true],
      items: ["array", "[1 item]"],
      "items[0].sku": ["string", "A-1"],
      "items[0].qty": ["number", 2],
      note: ["null", null],
      due: ["date", "2024-12-31"],
    });

    const rows = await deliveries(hook.workflowId);
    expect(rows.map((r) => [r.test, r.reasonCode])).toEqual([[true, "signature_missing"], [true, "accepted"]]);
    // Test deliveries keep the payload, rejected ones included (for the signature debugger).
    expect(Buffer.from(rows[0]!.body!).toString()).toBe(CUSTOMER_JSON);
    expect(Buffer.from(rows[1]!.body!).toString()).toBe(body);

    // A second sample: a later null does not hide the type seen before; counts go up.
    await sendSigned(deps, { hookId: hook.hookId, body: JSON.stringify({ customer: { email: "b@example.com", name: null } }), settings, secret: hook.secret, test: true });
    await settleFieldDetection(db.prisma);
    const again = await listDetectedFields(db.prisma, hook.workflowId);
    expect(again.find((f) => f.path === "customer.name")).toMatchObject({ type: "string", example: "Ada", seenCount: 2 });
    expect(again.find((f) => f.path === "customer.email")).toMatchObject({ example: "b@example.com", seenCount: 2 });
  });

  it("live requests detect nothing and test sessions are kept apart from live ones", async () => {
    const hook = await signedHook(settings);
    const deps = makeDeps(db);
    await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings, secret: hook.secret });
    await settleFieldDetection(db.prisma);
    expect(await listDetectedFields(db.prisma, hook.workflowId)).toEqual([]);
    // The same message id in test and live mode are two different messages.
    const sw = await signedHook(hmacSettings({ scheme: "standard-webhooks" }));
    const a = await sendSigned(deps, { hookId: sw.hookId, body: CUSTOMER_JSON, settings: sw.settings, secret: sw.secret, id: "msg_same" });
    const b = await sendSigned(deps, { hookId: sw.hookId, body: CUSTOMER_JSON, settings: sw.settings, secret: sw.secret, id: "msg_same", test: true });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(bodyOf(a).sessionId).not.toBe(bodyOf(b).sessionId);
  });
});

describe("delivery log", () => {
  it("truncates signature headers and drops credentials", async () => {
    const settings = hmacSettings({ scheme: "stripe" });
    const hook = await signedHook(settings);
    const headers = signRequest({ settings, secret: hook.secret, body: bytesOf(CUSTOMER_JSON) });
    await send(makeDeps(db), { hookId: hook.hookId, body: CUSTOMER_JSON, headers: { ...headers, Authorization: "Bearer abc", "X-Request-Id": "req-1" } });
    const [row] = await deliveries(hook.workflowId);
    const stored = row!.headers as Record<string, string>;
    expect(stored["stripe-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{8}…$/);
    expect(stored["stripe-signature"]!.length).toBeLessThan(headers["Stripe-Signature"]!.length);
    expect(stored.authorization).toBe("[redacted]");
    expect(stored["x-request-id"]).toBe("req-1");
    expect(row).toMatchObject({ bodyLength: BigInt(bytesOf(CUSTOMER_JSON).byteLength), contentType: "application/json" });
    expect(row!.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(row!.headers)).not.toContain(hook.secret);
  });
});
