// The completion-webhook management API over its route handlers: create (secret shown once,
// 422 naming a malformed url), read, update, rotate, messages with attempts, resend, recover.
import { describe, expect, it } from "vitest";
import * as endpointById from "@/app/api/v1/endpoints/[id]/route";
import * as endpointMessages from "@/app/api/v1/endpoints/[id]/messages/route";
import * as endpointRecover from "@/app/api/v1/endpoints/[id]/recover/route";
import * as endpointSecrets from "@/app/api/v1/endpoints/[id]/secrets/route";
import * as messageResend from "@/app/api/v1/messages/[id]/resend/route";
import * as workflowEndpoints from "@/app/api/v1/workflows/[id]/endpoints/route";
import { getConfig } from "@/lib/config/env";
import { deliverMessages } from "@/lib/outbound-webhooks/deliver-messages";
import { startDirectSession } from "@/lib/sessions/start-direct-session";
import { submitSessionStep } from "@/lib/sessions/submit-session-step";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { call, ownerWithToken, setUpApiTestDb } from "@/tests/api/api-test-kit";
import { TWO_STEPS } from "./outbound-test-kit";

const t = setUpApiTestDb();

async function workflow() {
  const owner = await ownerWithToken(t.db);
  const wf = await createWorkflow(t.db.prisma, { userId: owner.userId }, owner.workspaceId, { name: "API", definition: TWO_STEPS });
  await publishWorkflow(t.db.prisma, { userId: owner.userId }, wf.id);
  return { owner, wf };
}

describe("completion webhooks API", () => {
  it("refuses a malformed url with a 422 that names the problem", async () => {
    const { owner, wf } = await workflow();
    for (const [url, problem] of [
      ["not a url", /not a valid absolute URL/],
      ["ftp://example.com/x", /http or https/],
      ["https://user:pw@example.com/x", /user name or password/],
    ] as const) {
      const res = await call(workflowEndpoints.POST, "POST", `/api/v1/workflows/${wf.id}/endpoints`, { id: wf.id }, { token: owner.token, body: { url } });
      expect(res.status).toBe(422);
      expect(res.json.issues).toEqual([expect.objectContaining({ path: ["url"], message: expect.stringMatching(problem) })]);
    }
    const badEvent = await call(workflowEndpoints.POST, "POST", `/api/v1/workflows/${wf.id}/endpoints`, { id: wf.id }, { token: owner.token, body: { url: "https://x.example.com", events: ["session.exploded"] } });
    expect(badEvent.status).toBe(422);
  });

  it("shows the secret on create and rotate only; lists, updates and deletes", async () => {
    const { owner, wf } = await workflow();
    const created = await call(workflowEndpoints.POST, "POST", `/api/v1/workflows/${wf.id}/endpoints`, { id: wf.id }, {
      token: owner.token,
      body: { url: "https://receiver.example.com/hooks", description: "CRM", events: ["session.completed", "session.started"] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ url: "https://receiver.example.com/hooks", description: "CRM", enabled: true, secret: expect.stringMatching(/^whsec_/) });
    const id = created.json.id as string;
    const read = await call(endpointById.GET, "GET", `/api/v1/endpoints/${id}`, { id }, { token: owner.token });
    expect(read.json.secrets).toEqual([expect.objectContaining({ last4: created.json.secret.slice(-4), expiresAt: null })]);
    expect(JSON.stringify(read.json)).not.toContain(created.json.secret);
    const listed = await call(workflowEndpoints.GET, "GET", `/api/v1/workflows/${wf.id}/endpoints`, { id: wf.id }, { token: owner.token });
    expect(listed.json.data.map((e: { id: string }) => e.id)).toEqual([id]);

    const rotated = await call(endpointSecrets.POST, "POST", `/api/v1/endpoints/${id}/secrets`, { id }, { token: owner.token, body: { expireOldInSeconds: 600 } });
    expect(rotated.status).toBe(201);
    expect(rotated.json).toMatchObject({ secret: expect.stringMatching(/^whsec_/), previousExpiresAt: expect.any(String) });
    expect((await call(endpointById.GET, "GET", `/api/v1/endpoints/${id}`, { id }, { token: owner.token })).json.secrets).toHaveLength(2);

    const disabled = await call(endpointById.PATCH, "PATCH", `/api/v1/endpoints/${id}`, { id }, { token: owner.token, body: { enabled: false, url: "https://receiver.example.com/v2" } });
    expect(disabled.json).toMatchObject({ enabled: false, disabledReason: "manual", url: "https://receiver.example.com/v2" });
    const badPatch = await call(endpointById.PATCH, "PATCH", `/api/v1/endpoints/${id}`, { id }, { token: owner.token, body: { url: "javascript:alert(1)" } });
    expect(badPatch.status).toBe(422);

    expect((await call(endpointById.DELETE, "DELETE", `/api/v1/endpoints/${id}`, { id }, { token: owner.token })).json).toEqual({ id, deleted: true });
    expect((await call(endpointById.GET, "GET", `/api/v1/endpoints/${id}`, { id }, { token: owner.token })).status).toBe(404);
  });

  it("lists messages with attempts; resend and recover queue them again", async () => {
    const { owner, wf } = await workflow();
    // Port 9 on loopback: nothing listens, every attempt fails at once.
    const created = await call(workflowEndpoints.POST, "POST", `/api/v1/workflows/${wf.id}/endpoints`, { id: wf.id }, { token: owner.token, body: { url: "http://127.0.0.1:9/hooks" } });
    const id = created.json.id as string;
    const { token } = await startDirectSession(t.db.prisma, wf.slug);
    await submitSessionStep(t.db.prisma, token, 0, { name: "Ada" });
    await submitSessionStep(t.db.prisma, token, 1, { plan: "pro" });
    await deliverMessages({ db: t.db.prisma, keys: getConfig().appKeys, allowPrivateTargets: true }, null);

    const page = await call(endpointMessages.GET, "GET", `/api/v1/endpoints/${id}/messages`, { id }, { token: owner.token });
    expect(page.status).toBe(200);
    expect(page.json.data).toHaveLength(1);
    const message = page.json.data[0];
    expect(message).toMatchObject({ type: "session.completed", status: "pending", attemptCount: 1, payload: { type: "session.completed", data: { answers: { name: "Ada", plan: "pro" } } } });
    expect(message.attempts).toEqual([expect.objectContaining({ statusCode: null, error: "Connection refused" })]);
    expect((await call(endpointMessages.GET, "GET", `/api/v1/endpoints/${id}/messages?status=bogus`, { id }, { token: owner.token })).status).toBe(422);

    const resent = await call(messageResend.POST, "POST", `/api/v1/messages/${message.id}/resend`, { id: message.id }, { token: owner.token });
    expect(resent.json).toMatchObject({ id: message.id, status: "pending" });
    expect((await call(messageResend.POST, "POST", `/api/v1/messages/msg_nope/resend`, { id: "msg_nope" }, { token: owner.token })).status).toBe(404);

    await t.db.prisma.outboundMessage.update({ where: { id: message.id }, data: { status: "failed", nextAttemptAt: null } });
    expect((await call(endpointRecover.POST, "POST", `/api/v1/endpoints/${id}/recover`, { id }, { token: owner.token, body: { since: "yesterday-ish" } })).status).toBe(422);
    const recovered = await call(endpointRecover.POST, "POST", `/api/v1/endpoints/${id}/recover`, { id }, { token: owner.token, body: { since: new Date(Date.now() - 3_600_000).toISOString() } });
    expect(recovered.json).toEqual({ recovered: 1 });
    expect((await t.db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("pending");
  });
});
