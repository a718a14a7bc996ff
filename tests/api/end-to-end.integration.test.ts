// A workflow created, given a secret, published and used end to end through the API alone,
// the way the README shows: the partner signs with nothing but an HMAC library.
import { createHmac } from "node:crypto";
import { settleFieldDetection } from "@/lib/field-detection/sample-queue";
import { describe, expect, it } from "vitest";
import * as hook from "@/app/api/hooks/[hookId]/route";
import * as sessionById from "@/app/api/v1/sessions/[id]/route";
import * as deliveries from "@/app/api/v1/workflows/[id]/deliveries/route";
import * as detectedFields from "@/app/api/v1/workflows/[id]/detected-fields/route";
import * as publish from "@/app/api/v1/workflows/[id]/publish/route";
import * as revokeSecret from "@/app/api/v1/workflows/[id]/secrets/[secretId]/revoke/route";
import * as secrets from "@/app/api/v1/workflows/[id]/secrets/route";
import * as workflowSessions from "@/app/api/v1/workflows/[id]/sessions/route";
import * as workflows from "@/app/api/v1/workflows/route";
import { BASE_URL, call, memberWithToken, ownerWithToken, setUpApiTestDb } from "./api-test-kit";

const t = setUpApiTestDb();

/** What a partner backend does: sign the exact bytes it sends. */
async function postSigned(url: string, hookId: string, payload: unknown, secret: string) {
  const body = JSON.stringify(payload);
  const signature = "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
  const response = await hook.POST(
    new Request(url, { method: "POST", headers: { "content-type": "application/json", "X-Signet-Signature": signature }, body }),
    { params: Promise.resolve({ hookId }) },
  );
  return { status: response.status, json: await response.json() };
}

describe("the management API end to end", () => {
  it("creates, secures, publishes and runs a workflow, then reads its sessions, deliveries and detected fields", async () => {
    const owner = await ownerWithToken(t.db);
    const token = owner.token;

    const created = await call(workflows.POST, "POST", "/api/v1/workflows", {}, {
      token,
      body: {
        name: "Customer onboarding",
        definition: {
          trigger: { type: "webhook", hmac: { enabled: true, scheme: "prefixed-hex", algorithm: "sha256", header: "X-Signet-Signature", toleranceSeconds: 300 } },
          steps: [{ type: "form", id: "details", title: "Your details", fields: [
            { key: "email", label: "Email", type: "email", required: true },
            { key: "plan", label: "Plan", type: "text", required: false },
          ] }],
          mapping: [{ from: "customer.email", to: "email" }, { from: "plan.name", to: "plan" }],
        },
      },
    });
    expect(created.status).toBe(201);
    const { id, hookId, hookUrl, testUrl } = created.json;
    expect(hookUrl.startsWith(BASE_URL)).toBe(true);

    const secret = await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, { token, body: {} });
    expect(secret.status).toBe(201);
    const published = await call(publish.POST, "POST", `/api/v1/workflows/${id}/publish`, { id }, { token });
    expect(published.json).toMatchObject({ version: 1 });

    const payload = { customer: { email: "ada@example.com" }, plan: { name: "pro" } };
    const testRun = await postSigned(testUrl, hookId, payload, secret.json.secret);
    expect(testRun.status).toBe(201);
    expect(testRun.json).toMatchObject({ test: true, sessionId: expect.any(String), sessionUrl: expect.any(String) });

    await settleFieldDetection(t.db.prisma);
    const fields = await call(detectedFields.GET, "GET", `/api/v1/workflows/${id}/detected-fields`, { id }, { token });
    expect(fields.json.data.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(["customer.email", "plan.name"]));

    const liveRun = await postSigned(hookUrl, hookId, payload, secret.json.secret);
    expect(liveRun.status).toBe(201);
    expect(liveRun.json.test).toBe(false);

    const wrong = await postSigned(hookUrl, hookId, payload, "whsec_not-the-secret");
    expect(wrong.status).toBe(401);

    const live = await call(workflowSessions.GET, "GET", `/api/v1/workflows/${id}/sessions?test=false`, { id }, { token });
    expect(live.json.data).toHaveLength(1);
    expect(live.json.data[0]).toMatchObject({ id: liveRun.json.sessionId, status: "open", test: false, source: "webhook", data: { email: "ada@example.com", plan: "pro" } });
    const one = await call(sessionById.GET, "GET", `/api/v1/sessions/${testRun.json.sessionId}`, { id: testRun.json.sessionId }, { token });
    expect(one.json).toMatchObject({ test: true, data: { email: "ada@example.com" } });

    const log = await call(deliveries.GET, "GET", `/api/v1/workflows/${id}/deliveries`, { id }, { token });
    expect(log.status).toBe(200);
    expect(log.json.data.map((d: { status: number; outcome: string }) => [d.status, d.outcome])).toEqual([
      [401, "rejected"],
      [201, "accepted"],
      [201, "accepted"],
    ]);
    const accepted = log.json.data[1];
    expect(accepted).toMatchObject({ sessionId: liveRun.json.sessionId, secret: { id: secret.json.id, last4: secret.json.last4 }, bodyEncoding: "utf8" });
    expect(JSON.parse(accepted.body)).toEqual(payload);
    expect(JSON.stringify(log.json)).not.toContain(secret.json.secret);
    const rejectedOnly = await call(deliveries.GET, "GET", `/api/v1/workflows/${id}/deliveries?outcome=rejected&limit=1`, { id }, { token });
    expect(rejectedOnly.json.data).toHaveLength(1);
    expect(rejectedOnly.json.nextCursor).toBeNull();

    // Rotation through the API: a new secret, the old one revoked, and the old one stops working.
    const next = await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, { token, body: { expireOthersInSeconds: 3600 } });
    expect((await postSigned(hookUrl, hookId, payload, secret.json.secret)).status).toBe(201);
    const secretId = secret.json.id;
    await call(revokeSecret.POST, "POST", `/api/v1/workflows/${id}/secrets/${secretId}/revoke`, { id, secretId }, { token });
    expect((await postSigned(hookUrl, hookId, payload, secret.json.secret)).status).toBe(401);
    expect((await postSigned(hookUrl, hookId, payload, next.json.secret)).status).toBe(201);
  });

  it("deliveries are refused to other workspaces and paged for viewers", async () => {
    const owner = await ownerWithToken(t.db);
    const viewer = await memberWithToken(t.db, owner.workspaceId, "viewer");
    const stranger = await ownerWithToken(t.db, "stranger");
    const { json: wf } = await call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: owner.token, body: { name: "Open" } });
    await call(publish.POST, "POST", `/api/v1/workflows/${wf.id}/publish`, { id: wf.id }, { token: owner.token });
    for (let i = 0; i < 3; i++) {
      const res = await hook.POST(new Request(wf.hookUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ n: i }) }), {
        params: Promise.resolve({ hookId: wf.hookId }),
      });
      expect(res.status).toBe(201);
    }
    const page1 = await call(deliveries.GET, "GET", `/api/v1/workflows/${wf.id}/deliveries?limit=2`, { id: wf.id }, { token: viewer.token });
    expect(page1.json.data).toHaveLength(2);
    expect(JSON.parse(page1.json.data[0].body)).toEqual({ n: 2 });
    const page2 = await call(deliveries.GET, "GET", `/api/v1/workflows/${wf.id}/deliveries?limit=2&cursor=${page1.json.nextCursor}`, { id: wf.id }, { token: viewer.token });
    expect(page2.json.data.map((d: { body: string }) => JSON.parse(d.body))).toEqual([{ n: 0 }]);
    expect(page2.json.nextCursor).toBeNull();
    const foreign = await call(deliveries.GET, "GET", `/api/v1/workflows/${wf.id}/deliveries`, { id: wf.id }, { token: stranger.token });
    expect(foreign.status).toBe(404);
    const badFilter = await call(deliveries.GET, "GET", `/api/v1/workflows/${wf.id}/deliveries?outcome=maybe`, { id: wf.id }, { token: owner.token });
    expect(badFilter.status).toBe(422);
  });
});
