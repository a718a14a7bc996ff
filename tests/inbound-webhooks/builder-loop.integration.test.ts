// The builder loop over the webhook pipeline, on PGlite and PostgreSQL: the test URL works on
// the draft from the moment a workflow exists and never accepts less than live requires, a
// test session keeps the draft it started on, live requests follow the published version
// only; lenient prefill with warnings; idempotency from a message id in the signed body.
import { beforeAll, describe, expect, it } from "vitest";
import { settleFieldDetection } from "@/lib/field-detection/sample-queue";
import { listDetectedFields } from "@/lib/field-detection/detected-field-repository";
import { signRequest } from "@/lib/hmac/sign";
import { createGroupCommitter } from "@/lib/inbound-webhooks/group-commit";
import type { HookDeps } from "@/lib/inbound-webhooks/hook-types";
import { getParticipantSession } from "@/lib/sessions/get-participant-session";
import { findSessionByToken } from "@/lib/sessions/session-repository";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { addSecret, bodyOf, CUSTOMER, CUSTOMER_JSON, hmacSettings, makeDeps, makeOwner, MAPPING, send, sendSigned, STEPS } from "./hook-test-kit";

const db = useTestDatabase();
let owner: Awaited<ReturnType<typeof makeOwner>>;
beforeAll(async () => {
  owner = await makeOwner(db, "loop");
});

const prefixed = hmacSettings({ scheme: "prefixed-hex" });
const stripe = hmacSettings({ scheme: "stripe" });

function definition(hmac: unknown, extra: { title?: string; steps?: unknown; mapping?: unknown } = {}) {
  const steps = extra.steps ?? [{ ...STEPS[0]!, title: extra.title ?? STEPS[0]!.title }];
  return { trigger: { type: "webhook", hmac }, steps, mapping: extra.mapping ?? MAPPING };
}

async function draftOnly(hmac: unknown = { enabled: false }, extra: Parameters<typeof definition>[1] = {}) {
  const wf = await createWorkflow(db.prisma, owner.actor, owner.workspaceId, { name: "Loop", definition: definition(hmac, extra) });
  return { workflowId: wf.id, hookId: wf.hookId, revision: wf.draftRevision };
}

const sessionOf = async (sessionId: string) => db.prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { token: true, test: true, data: true, version: { select: { test: true, version: true } } } });

describe("the test URL on the draft", () => {
  it("works before the first publish (HMAC off): a test session on a snapshot of the draft, detected fields; live stays 404", async () => {
    const hook = await draftOnly();
    const deps = makeDeps(db);
    const response = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, test: true });
    expect(response).toMatchObject({ status: 201, body: { test: true } });
    const session = await sessionOf(bodyOf(response).sessionId!);
    expect(session).toMatchObject({ test: true, data: { email: "ada@example.com", name: "Ada", amount: 42 }, version: { test: true, version: hook.revision } });
    await settleFieldDetection(db.prisma);
    expect((await listDetectedFields(db.prisma, hook.workflowId)).map((f) => f.path).sort()).toEqual(["amount", "customer.email", "customer.name"]);

    expect(await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON })).toMatchObject({ status: 404, body: { code: "not_found" } });
    // Published version numbers ignore test snapshots.
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    expect(await db.prisma.workflowVersion.findMany({ where: { workflowId: hook.workflowId }, select: { test: true, version: true }, orderBy: { test: "asc" } })).toEqual([
      { test: false, version: 1 },
      { test: true, version: hook.revision },
    ]);
  });

  it("verifies with the draft's HMAC settings before the first publish", async () => {
    const hook = await draftOnly({ scheme: "stripe", enabled: true });
    const { secret } = await addSecret(db, owner, hook.workflowId);
    const deps = makeDeps(db);
    expect(await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, test: true })).toMatchObject({ status: 401, body: { code: "signature_missing" } });
    expect(await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings: prefixed, secret, test: true })).toMatchObject({ status: 401 });
    expect(await sendSigned(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, settings: stripe, secret, test: true })).toMatchObject({ status: 201 });
  });

  it("is never weaker than live: HMAC off in the draft still needs the live signature; a new scheme in the draft is tried on the test URL only", async () => {
    const hook = await draftOnly(prefixed);
    const { secret } = await addSecret(db, owner, hook.workflowId);
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    const deps = makeDeps(db);
    // The draft turns HMAC off and maps a new field: the test URL keeps requiring the live signature, maps with the draft.
    const withPlan = { ...STEPS[0]!, fields: [...STEPS[0]!.fields, { type: "text", key: "plan", label: "Plan" }] };
    await updateWorkflow(db.prisma, owner.actor, hook.workflowId, { definition: definition({ enabled: false }, { steps: [withPlan], mapping: [...MAPPING, { from: "plan", to: "plan" }] }) });
    const body = JSON.stringify({ ...CUSTOMER, plan: "pro" });
    expect(await send(deps, { hookId: hook.hookId, body, test: true })).toMatchObject({ status: 401, body: { code: "signature_missing" } });
    const signed = await sendSigned(deps, { hookId: hook.hookId, body, settings: prefixed, secret, test: true });
    expect(signed.status).toBe(201);
    expect((await sessionOf(bodyOf(signed).sessionId!)).data).toMatchObject({ plan: "pro" });
    // Live follows the published version only: signature required, no "plan" mapping yet.
    const live = await sendSigned(deps, { hookId: hook.hookId, body, settings: prefixed, secret });
    expect(live.status).toBe(201);
    expect((await sessionOf(bodyOf(live).sessionId!)).data).not.toHaveProperty("plan");
    expect(await send(deps, { hookId: hook.hookId, body })).toMatchObject({ status: 401 });

    // The draft switches to Stripe-style: the test URL verifies Stripe signatures, live keeps prefixed hex.
    await updateWorkflow(db.prisma, owner.actor, hook.workflowId, { definition: definition(stripe) });
    expect(await sendSigned(deps, { hookId: hook.hookId, body, settings: stripe, secret, test: true })).toMatchObject({ status: 201 });
    expect(await sendSigned(deps, { hookId: hook.hookId, body, settings: prefixed, secret, test: true })).toMatchObject({ status: 401, body: { code: "signature_missing" } });
    expect(await sendSigned(deps, { hookId: hook.hookId, body, settings: prefixed, secret })).toMatchObject({ status: 201 });
    expect(await sendSigned(deps, { hookId: hook.hookId, body, settings: stripe, secret })).toMatchObject({ status: 401 });
  });

  it("a test session keeps the draft it started on; the next test request gets the new draft", async () => {
    const hook = await draftOnly({ enabled: false }, { title: "Before the edit" });
    const deps = makeDeps(db);
    const first = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, test: true });
    await updateWorkflow(db.prisma, owner.actor, hook.workflowId, { definition: definition({ enabled: false }, { title: "After the edit" }) });
    const second = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, test: true });
    const titleOf = async (sessionId: string) => {
      const { token } = await sessionOf(sessionId);
      return (await getParticipantSession(db.prisma, token)).steps[0]!.title;
    };
    expect(await titleOf(bodyOf(first).sessionId!)).toBe("Before the edit");
    expect(await titleOf(bodyOf(second).sessionId!)).toBe("After the edit");
    // Two test requests on the same revision share one snapshot.
    const third = await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, test: true });
    const versionOf = async (id: string) => (await db.prisma.session.findUniqueOrThrow({ where: { id }, select: { versionId: true } })).versionId;
    expect(await versionOf(bodyOf(third).sessionId!)).toBe(await versionOf(bodyOf(second).sessionId!));
    expect(await db.prisma.workflowVersion.count({ where: { workflowId: hook.workflowId, test: true } })).toBe(2);
  });
});

describe("lenient prefill over HTTP", () => {
  const steps = [
    {
      type: "form",
      id: "s",
      title: "S",
      fields: [
        { type: "email", key: "email", label: "Email", required: true },
        { type: "select", key: "tier", label: "Tier", options: [{ value: "gold", label: "Gold" }] },
        { type: "date", key: "start", label: "Start" },
      ],
    },
  ];
  const mapping = [
    { from: "customer.email", to: "email" },
    { from: "tier", to: "tier" },
    { from: "start", to: "start" },
  ];

  it("starts the session with the usable values and names the others in warnings; required: true keeps the 422", async () => {
    const hook = await draftOnly({ enabled: false }, { steps, mapping });
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    const deps = makeDeps(db);
    const body = JSON.stringify({ customer: { email: "ada@example.com" }, tier: "Gold", start: "01/03/2027" });
    const response = await send(deps, { hookId: hook.hookId, body });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      warnings: [
        { path: "tier", field: "tier", message: expect.stringContaining('"Gold" is not one of the options') },
        { path: "start", field: "start", message: expect.stringContaining("Expected a date like 2024-12-31") },
      ],
    });
    expect((await sessionOf(bodyOf(response).sessionId!)).data).toEqual({ email: "ada@example.com" });
    // A missing value of a required form field is a warning too: the participant fills it in.
    const missing = await send(deps, { hookId: hook.hookId, body: "{}" });
    expect(missing).toMatchObject({ status: 201, body: { warnings: [{ field: "email" }, { field: "tier" }, { field: "start" }] } });
    // All good: no warnings key at all.
    expect(await send(deps, { hookId: hook.hookId, body: JSON.stringify({ customer: { email: "a@example.com" }, tier: "gold", start: "2027-03-01" }) })).not.toHaveProperty("body.warnings");

    await updateWorkflow(db.prisma, owner.actor, hook.workflowId, { definition: definition({ enabled: false }, { steps, mapping: mapping.map((m) => (m.to === "tier" ? { ...m, required: true } : m)) }) });
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    const strict = await send(deps, { hookId: hook.hookId, body });
    expect(strict).toMatchObject({ status: 422, body: { code: "mapping_failed", issues: [{ path: ["tier"], field: "tier" }] } });
    const strictMissing = await send(deps, { hookId: hook.hookId, body: JSON.stringify({ customer: { email: "a@example.com" } }) });
    expect(strictMissing).toMatchObject({ status: 422, body: { code: "required_field_missing" } });
  });

  it("a warning never hides a verification failure: a bad signature is still 401", async () => {
    const hook = await draftOnly(prefixed, { steps, mapping });
    await addSecret(db, owner, hook.workflowId);
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    const response = await sendSigned(makeDeps(db), { hookId: hook.hookId, body: JSON.stringify({ tier: "Gold" }), settings: prefixed, secret: "whsec_wrong-secret-entirely" });
    expect(response).toMatchObject({ status: 401, body: { code: "signature_mismatch" } });
    expect(response.body).not.toHaveProperty("warnings");
  });
});

describe("idempotency from the signed body (hmac.messageIdPath)", () => {
  const withIdPath = hmacSettings({ scheme: "stripe", messageIdPath: "event.id" });

  async function setUp() {
    const hook = await draftOnly(withIdPath);
    const { secret } = await addSecret(db, owner, hook.workflowId);
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    const committer = createGroupCommitter(db.prisma, { maxConcurrent: 2 });
    const deps: HookDeps = { ...makeDeps(db), createSession: committer.createSession };
    return { ...hook, secret, deps };
  }

  it("20 concurrent repeats of an accepted message make one session; every answer names it", async () => {
    const t = await setUp();
    const body = JSON.stringify({ event: { id: "evt_1MqqbKLt4dXK03v5" }, ...CUSTOMER });
    const responses = await Promise.all(Array.from({ length: 20 }, () => sendSigned(t.deps, { hookId: t.hookId, body, settings: withIdPath, secret: t.secret })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(200)].map((s, i) => (i === 0 ? 201 : s)).sort());
    expect(new Set(responses.map((r) => bodyOf(r).sessionId)).size).toBe(1);
    const sessions = await db.prisma.session.findMany({ where: { workflowId: t.workflowId }, select: { messageId: true } });
    expect(sessions).toEqual([{ messageId: "evt_1MqqbKLt4dXK03v5" }]);
    const outcomes = await db.prisma.delivery.groupBy({ by: ["outcome"], where: { workflowId: t.workflowId }, _count: true });
    expect(Object.fromEntries(outcomes.map((o) => [o.outcome, o._count]))).toEqual({ accepted: 1, duplicate: 19 });

    // A later repeat (new signature, same id) also answers 200 with the original session.
    const later = await sendSigned(t.deps, { hookId: t.hookId, body, settings: withIdPath, secret: t.secret });
    expect(later).toMatchObject({ status: 200, body: { sessionId: bodyOf(responses[0]!).sessionId } });
    // Test and live keep their own ids.
    expect(await sendSigned(t.deps, { hookId: t.hookId, body, settings: withIdPath, secret: t.secret, test: true })).toMatchObject({ status: 201 });
  });

  it("a body without the id starts a session each time, with a warning; numeric ids count", async () => {
    const t = await setUp();
    const without = JSON.stringify(CUSTOMER);
    const a = await sendSigned(t.deps, { hookId: t.hookId, body: without, settings: withIdPath, secret: t.secret });
    const b = await sendSigned(t.deps, { hookId: t.hookId, body: without, settings: withIdPath, secret: t.secret });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toMatchObject({ warnings: [{ path: "event.id", field: null, message: expect.stringContaining("repeats of this message are not recognised") }] });
    const numeric = JSON.stringify({ event: { id: 424242 }, ...CUSTOMER });
    const first = await sendSigned(t.deps, { hookId: t.hookId, body: numeric, settings: withIdPath, secret: t.secret });
    const again = await sendSigned(t.deps, { hookId: t.hookId, body: numeric, settings: withIdPath, secret: t.secret });
    expect([first.status, again.status]).toEqual([201, 200]);
    const { token } = await sessionOf(bodyOf(first).sessionId!);
    expect((await findSessionByToken(db.prisma, token))?.id).toBe(bodyOf(again).sessionId);
  });
});

describe("delivery rows: warnings and the diagnosis of rejections", () => {
  const rowsOf = (workflowId: string) =>
    db.prisma.delivery.findMany({ where: { workflowId }, orderBy: { receivedAt: "asc" }, select: { status: true, reasonCode: true, warnings: true, diagnosis: true, body: true, bodyLength: true, bodySha256: true, messageId: true } });

  it("an accepted request with values left out carries its warnings on the row", async () => {
    const steps = [{ type: "form", id: "s", title: "S", fields: [{ type: "select", key: "tier", label: "Tier", options: [{ value: "gold", label: "Gold" }] }] }];
    const hook = await draftOnly({ enabled: false }, { steps, mapping: [{ from: "tier", to: "tier" }] });
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    await send(makeDeps(db), { hookId: hook.hookId, body: JSON.stringify({ tier: "Gold" }) });
    await send(makeDeps(db), { hookId: hook.hookId, body: JSON.stringify({ tier: "gold" }) });
    const [withWarning, clean] = await rowsOf(hook.workflowId);
    expect(withWarning).toMatchObject({ status: 201, reasonCode: "accepted", warnings: [{ path: "tier", field: "tier", message: expect.stringContaining('"Gold"') }], diagnosis: null });
    expect(clean).toMatchObject({ status: 201, warnings: null });
  });

  it("live rejections store the malformed header and where, the skew, the body's shape and the secrets tried (last 4)", async () => {
    const hook = await draftOnly(prefixed);
    const created = await addSecret(db, owner, hook.workflowId);
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    const deps = makeDeps(db);
    const pretty = JSON.stringify(CUSTOMER, null, 2);
    // Signed over the minified JSON, sent pretty-printed.
    const signedMinified = signRequest({ settings: prefixed, secret: created.secret, body: new TextEncoder().encode(CUSTOMER_JSON) });
    expect(await send(deps, { hookId: hook.hookId, body: pretty, headers: signedMinified })).toMatchObject({ status: 401 });
    const hex = signedMinified["X-Signet-Signature"]!.slice("sha256=".length);
    expect(await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, headers: { "X-Signet-Signature": `sha256=${hex.slice(0, 10)}zz${hex.slice(12)}` } })).toMatchObject({ status: 400 });
    expect(await send(deps, { hookId: hook.hookId, body: CUSTOMER_JSON, headers: { "X-Signet-Signature": `sha265=${hex}` } })).toMatchObject({ status: 400 });

    const [mismatch, badChar, badPrefix] = await rowsOf(hook.workflowId);
    expect(mismatch).toMatchObject({
      reasonCode: "signature_mismatch",
      body: null,
      bodyLength: BigInt(Buffer.byteLength(pretty)),
      diagnosis: { scheme: "prefixed-hex", algorithm: "sha256", body: "pretty-printed JSON", signature: { problem: "mismatch" }, secretsTried: [{ last4: created.last4, usable: true }] },
    });
    expect(mismatch!.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(badChar!.diagnosis).toMatchObject({ signature: { problem: "malformed", header: "X-Signet-Signature", at: "sha256=".length + 10 }, body: "compact JSON" });
    expect(badPrefix!.diagnosis).toMatchObject({ signature: { problem: "malformed", header: "X-Signet-Signature", at: 4 } });
    // Never a secret or a full signature in a stored diagnosis.
    const stored = JSON.stringify(await rowsOf(hook.workflowId), (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
    expect(stored).not.toContain(created.secret);
    expect(stored).not.toContain(hex);
  });

  it("stores the clock skew in seconds and the claimed message id (Standard Webhooks)", async () => {
    const sw = hmacSettings({ scheme: "standard-webhooks" });
    const hook = await draftOnly(sw);
    const { secret } = await addSecret(db, owner, hook.workflowId);
    await publishWorkflow(db.prisma, owner.actor, hook.workflowId);
    const old = Math.floor(Date.now() / 1000) - 900;
    expect(await sendSigned(makeDeps(db), { hookId: hook.hookId, body: CUSTOMER_JSON, settings: sw, secret, timestamp: old, id: "msg_skewed" })).toMatchObject({ status: 401 });
    const [row] = await rowsOf(hook.workflowId);
    expect(row).toMatchObject({ reasonCode: "timestamp_out_of_tolerance", diagnosis: { messageId: "msg_skewed", toleranceSeconds: 300, signature: { problem: "expired-timestamp" } } });
    const skew = (row!.diagnosis as { timestampSkewSeconds: number }).timestampSkewSeconds;
    expect(skew).toBeGreaterThanOrEqual(900);
    expect(skew).toBeLessThan(960);
  });
});
