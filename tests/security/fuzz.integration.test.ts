// Fuzzing (fast-check) of everything that parses outside input, through the routes that use
// it, on a real database: the webhook pipeline with every signature scheme (signature,
// timestamp and id headers, content types, bodies, hook ids), the mapping over arbitrary
// verified payloads, the workflow definition schema and Authorization header of /api/v1, and
// the session API's tokens, step ids, answers and origins.
// Property: random input never yields a 5xx, and no exception escapes the route.
// CI form: ~300 runs per property; `npm run soak` (SIGNET_SOAK=1): 2,000.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as sessionApiRoute from "@/app/api/sessions/[token]/route";
import * as sessionApiStepRoute from "@/app/api/sessions/[token]/steps/[stepId]/route";
import * as publishRoute from "@/app/api/v1/workflows/[id]/publish/route";
import * as workflowRoute from "@/app/api/v1/workflows/[id]/route";
import * as workflowsRoute from "@/app/api/v1/workflows/route";
import { ZHmacSettings, type THmacSettings } from "@/lib/hmac/schemas";
import { startDirectSession } from "@/lib/sessions/start-direct-session";
import { signRequest } from "@/lib/hmac/sign";
import { call, ownerWithToken, setUpApiTestDb } from "@/tests/api/api-test-kit";
import { addSecret, makeDeps, makeOwner, publishedHook, send } from "@/tests/inbound-webhooks/hook-test-kit";

// The session API's per-client limit would answer most fuzz runs with 429 (read lazily).
process.env.SIGNET_SESSION_API_RATE_LIMIT = "1000000";

const t = setUpApiTestDb();
const RUNS = process.env.SIGNET_SOAK === "1" ? 2_000 : 300;
const SCHEMES = ZHmacSettings.options.map((o) => o.shape.scheme.value);

function settingsFor(scheme: THmacSettings["scheme"]): THmacSettings {
  return ZHmacSettings.parse({
    enabled: true,
    scheme,
    ...(scheme === "custom" ? { custom: { header: "X-Custom-Sig", prefix: "v1=", encoding: "base64", signedContent: "{id}.{timestamp}.{body}", timestampHeader: "X-Ts", idHeader: "X-Id", separator: "," } } : {}),
  });
}

/** Every header name any scheme reads, so random values reach every header parser. */
const HEADER_NAMES = [
  "X-Signet-Signature", "X-HMAC-HASH", "X-HMAC-Signature", "webhook-id", "webhook-timestamp", "webhook-signature",
  "svix-id", "svix-timestamp", "svix-signature", "Stripe-Signature", "X-Slack-Signature", "X-Slack-Request-Timestamp",
  "X-Hub-Signature-256", "X-Shopify-Hmac-Sha256", "X-Custom-Sig", "X-Ts", "X-Id", "content-type", "content-length",
];

// Header values as an attacker writes them: near-misses of real formats and plain noise
// (only characters a Headers object accepts; others never reach the route).
const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, "").trim()),
  fc.stringMatching(/^(sha256=|sha512=|v0=|v1,|t=\d{0,12},v1=|v1=)?[0-9a-fA-F+/=_,. -]{0,140}$/),
  fc.integer().map(String),
  fc.constantFrom("", "sha256=", "v1,", "t=,v1=", "t=1,v1=zz", "v1,====", " , ", "sha256=" + "a".repeat(63), "sha256=" + "A".repeat(64), "t=99999999999999999999,v1=00"),
);
const headersArb = fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 6 });
const contentTypeArb = fc.oneof(
  fc.constantFrom("application/json", "application/x-www-form-urlencoded", "application/json; charset=utf-8", "text/plain", "", "application/json; charset=latin1", "multipart/form-data"),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
);
const bodyArb = fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("latin1")));

function expectNo5xx(status: number, context: unknown) {
  if (status >= 500) throw new Error(`5xx (${status}) for ${JSON.stringify(context).slice(0, 500)}`);
}

describe("webhook pipeline under random input", () => {
  it("never answers 5xx nor throws, for every scheme's header parsers, content types and bodies", async () => {
    const owner = await makeOwner(t.db);
    const deps = makeDeps(t.db);
    const hooks = [];
    for (const scheme of SCHEMES) {
      const { workflowId, hookId } = await publishedHook(t.db, owner, settingsFor(scheme));
      await addSecret(t.db, owner, workflowId);
      hooks.push(hookId);
    }
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...hooks), headersArb, contentTypeArb, bodyArb, fc.boolean(), async (hookId, headers, contentType, body, test) => {
        const response = await send(deps, { hookId, headers, contentType, body, test });
        expectNo5xx(response.status, { headers, contentType, body });
        expect(response.status).toBeGreaterThanOrEqual(200);
        seen.add(response.status);
      }),
      { numRuns: RUNS * 2 },
    );
    // The input reached past the front door: malformed, missing/mismatched and unsupported.
    expect([...seen]).toEqual(expect.arrayContaining([400, 401, 415]));
  }, 300_000);

  it("never answers 5xx for random hook ids and methods", async () => {
    const deps = makeDeps(t.db);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom("POST", "GET", "PUT", "DELETE", "PATCH"), async (hookId, method) => {
        const response = await send(deps, { hookId, method, body: "{}" });
        expectNo5xx(response.status, { hookId, method });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it("maps any verified JSON payload to a session or a 422, never a 5xx", async () => {
    const owner = await makeOwner(t.db);
    const settings = settingsFor("prefixed-hex");
    const steps = [{ type: "form", id: "all", title: "All types", fields: [
      { type: "email", key: "email", label: "Email", required: true },
      { type: "number", key: "amount", label: "Amount" },
      { type: "date", key: "day", label: "Day" },
      { type: "checkbox", key: "ok", label: "OK" },
      { type: "select", key: "plan", label: "Plan", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] },
      { type: "textarea", key: "notes", label: "Notes" },
    ] }];
    const mapping = [
      { from: "customer.email", to: "email", required: true }, { from: "amount", to: "amount" }, { from: "items[0].day", to: "day" },
      { from: "flags.ok", to: "ok" }, { from: "plan", to: "plan" }, { from: "notes", to: "notes" },
    ];
    const { workflowId, hookId } = await publishedHook(t.db, owner, settings, { steps, mapping });
    const secret = await addSecret(t.db, owner, workflowId);
    const deps = makeDeps(t.db);
    const seen = new Set<number>();
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.emailAddress(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    const validArb = fc.record({
      customer: fc.record({ email: fc.constantFrom("ada@example.com", "b.c+d@example.org") }),
      amount: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      flags: fc.record({ ok: fc.boolean() }),
      plan: fc.constantFrom("a", "b"),
      notes: fc.string({ maxLength: 50 }),
    });
    const payloadArb = fc.oneof(
      validArb,
      fc.record({ customer: fc.record({ email: value }, { requiredKeys: [] }), amount: value, items: fc.array(fc.record({ day: value }), { maxLength: 2 }), flags: fc.record({ ok: value }), plan: value, notes: value }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(payloadArb, async (payload) => {
        const body = JSON.stringify(payload);
        const headers = signRequest({ settings, secret: secret.secret, body: new TextEncoder().encode(body) });
        const response = await send(deps, { hookId, headers, body });
        expectNo5xx(response.status, payload);
        expect([201, 422]).toContain(response.status);
        seen.add(response.status);
      }),
      { numRuns: RUNS },
    );
    expect([...seen].sort()).toEqual([201, 422]);
  }, 300_000);
});

describe("management API under random input", () => {
  it("the definition schema: random definitions are created or refused with 4xx, never 5xx", async () => {
    const owner = await ownerWithToken(t.db);
    const triggerArb = fc.record({
      type: fc.constantFrom("webhook", "manual", 3),
      hmac: fc.record({ enabled: fc.boolean(), scheme: fc.constantFrom(...SCHEMES, "nope"), algorithm: fc.constantFrom("sha256", "md5", "ripemd128"), header: fc.string({ maxLength: 20 }), toleranceSeconds: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: [] }),
      allowedOrigins: fc.array(fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })), { maxLength: 3 }),
    }, { requiredKeys: [] });
    const fieldArb = fc.record({ type: fc.constantFrom("text", "email", "number", "date", "select", "checkbox", "textarea", "file"), key: fc.string({ maxLength: 12 }), label: fc.string({ maxLength: 12 }), required: fc.boolean(), options: fc.array(fc.record({ value: fc.string(), label: fc.string() }), { maxLength: 2 }) }, { requiredKeys: [] });
    const definitionArb = fc.oneof(
      fc.record({
        trigger: triggerArb,
        steps: fc.array(fc.record({ type: fc.constantFrom("form", "wait"), id: fc.string({ maxLength: 10 }), title: fc.string({ maxLength: 10 }), fields: fc.array(fieldArb, { maxLength: 3 }) }, { requiredKeys: [] }), { maxLength: 3 }),
        mapping: fc.array(fc.record({ from: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("a.b[0].c", "[0]", "a..b", "a[-1]", "a[99999999999999999999]")), to: fc.string({ maxLength: 12 }) }), { maxLength: 3 }),
        completion: fc.record({ redirectUrl: fc.oneof(fc.string({ maxLength: 60 }), fc.jsonValue({ maxDepth: 1 }), fc.constantFrom("https://x.example/{a}", "{a}", "https://x.example/{", "https://{a}/", "javascript:{a}")) }, { requiredKeys: [] }),
      }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 50 }), fc.jsonValue({ maxDepth: 1 })), definitionArb, async (name, definition) => {
        const created = await call(workflowsRoute.POST, "POST", "/api/v1/workflows", {}, { token: owner.token, body: { name, definition } });
        expectNo5xx(created.status, { name, definition });
        expect([201, 400, 422]).toContain(created.status);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it("PATCH with random bodies and raw bytes never answers 5xx", async () => {
    const owner = await ownerWithToken(t.db);
    const created = await call(workflowsRoute.POST, "POST", "/api/v1/workflows", {}, { token: owner.token, body: { name: "Fuzzed" } });
    const id = created.json.id as string;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 })), contentTypeArb, async (rawBody, contentType) => {
        const result = await call(workflowRoute.PATCH, "PATCH", `/api/v1/workflows/${id}`, { id }, { token: owner.token, rawBody, headers: contentType ? { "content-type": contentType } : {} });
        expectNo5xx(result.status, { rawBody, contentType });
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it("the Authorization header parser: random values get 401, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(headerValue, fc.constantFrom("", "Bearer ", "bearer ", "Basic ", "Bearer sig_"), async (value, prefix) => {
        const result = await call(workflowsRoute.GET, "GET", "/api/v1/workflows", {}, { headers: { authorization: `${prefix}${value}` } });
        expect(result.status, `${prefix}${value}`).toBe(401);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe("session API under random input", () => {
  it("random tokens, step ids, bodies and origins get 2xx or 4xx, never 5xx", async () => {
    const owner = await ownerWithToken(t.db);
    const created = await call(workflowsRoute.POST, "POST", "/api/v1/workflows", {}, { token: owner.token, body: { name: "Fuzzed sessions" } });
    const id = created.json.id as string;
    const patched = await call(workflowRoute.PATCH, "PATCH", `/api/v1/workflows/${id}`, { id }, { token: owner.token, body: { definition: { ...created.json.definition, trigger: { type: "webhook", allowedOrigins: ["https://portal.example.com"] } } } });
    expect(patched.status).toBe(200);
    expect((await call(publishRoute.POST, "POST", `/api/v1/workflows/${id}/publish`, { id }, { token: owner.token, body: {} })).status).toBe(200);
    const { token: real } = await startDirectSession(t.db.prisma, created.json.slug as string);
    const tokenArb = fc.oneof(fc.constant(real), fc.string({ maxLength: 60 }), fc.constant(`${real}\u0000`));
    const stepArb = fc.oneof(fc.constant("details"), fc.string({ maxLength: 20 }));
    const originArb = fc.option(fc.oneof(fc.constantFrom("https://portal.example.com", "http://localhost:3000", "null", "https://evil.example.com"), fc.string({ maxLength: 30 }).map((o) => o.replace(/[^\x20-\x7e]/g, ""))), { nil: undefined });
    const bodyArb = fc.oneof(fc.record({ answers: fc.dictionary(fc.constantFrom("email", "toString", "__proto__", "x"), fc.jsonValue({ maxDepth: 2 })) }), fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(tokenArb, stepArb, bodyArb, originArb, async (token, stepId, body, origin) => {
        const headers: Record<string, string> = origin === undefined ? {} : { origin };
        const read = await call(sessionApiRoute.GET, "GET", `/api/sessions/x`, { token }, { headers });
        expectNo5xx(read.status, { token, origin });
        const answered = await call(sessionApiStepRoute.POST, "POST", `/api/sessions/x/steps/x`, { token, stepId }, { body, headers });
        expectNo5xx(answered.status, { token, stepId, body, origin });
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
