// Completion webhooks end to end against a real database (PGlite or PostgreSQL): the events a
// session writes, what a receiver gets (verified with the reference `standardwebhooks`
// package), the retry schedule under a fake clock, Retry-After, 410, the 5-day auto-disable,
// resend and recover, and the SSRF guard.
import { hostname } from "node:os";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listAuditEventRows } from "@/lib/audit/audit-repository";
import { outboundMetrics } from "@/lib/observability/metrics";
import { deliverMessages, type DispatchDeps } from "@/lib/outbound-webhooks/deliver-messages";
import { getEndpoint } from "@/lib/outbound-webhooks/get-endpoint";
import { closeHttpSender } from "@/lib/outbound-webhooks/http-sender";
import { listEndpointMessages } from "@/lib/outbound-webhooks/list-endpoint-messages";
import { recoverMessages } from "@/lib/outbound-webhooks/recover-messages";
import { resendMessage } from "@/lib/outbound-webhooks/resend-message";
import { rotateEndpointSecret } from "@/lib/outbound-webhooks/rotate-endpoint-secret";
import { updateEndpoint } from "@/lib/outbound-webhooks/update-endpoint";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { startReceiver, type Receiver } from "./receiver";
import { completeSession, TEST_KEYS, workflowWithEndpoint } from "./outbound-test-kit";

const t = useTestDatabase();
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});
// Each test starts with no message due: what one leaves pending must not be sent by the next.
afterEach(async () => {
  await t.prisma.outboundMessage.updateMany({ where: { status: "pending" }, data: { status: "failed", nextAttemptAt: null } });
});
afterAll(async () => {
  await receiver.close();
  await closeHttpSender();
});

/** A clock the test moves by hand. */
function fakeClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), at: () => now };
}

function deps(clock: { now: () => Date }, allowPrivateTargets = true): DispatchDeps {
  return { db: t.prisma, keys: TEST_KEYS, allowPrivateTargets, now: clock.now, random: () => 0.5 };
}

const messagesOf = (endpointId: string) => t.prisma.outboundMessage.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" }, include: { attempts: { orderBy: { attemptedAt: "asc" } } } });

/** Attempts this process has counted for /metrics with that result. */
async function attemptsCounted(result: string): Promise<number> {
  const { values } = await outboundMetrics().attempts.get();
  return values.filter((v) => v.labels.result === result).reduce((sum, v) => sum + v.value, 0);
}

describe("completion webhooks", () => {
  it("a completed session writes its events in the session's transaction and a receiver verifies them with standardwebhooks", async () => {
    const { workflow, endpoint, secret, actor } = await workflowWithEndpoint(t.prisma, `${receiver.url}/all`, ["session.started", "session.step_completed", "session.completed"]);
    const sessionId = await completeSession(t.prisma, workflow.slug, "Ada");
    const messages = await messagesOf(endpoint.id);
    expect(messages.map((m) => m.type)).toEqual(["session.started", "session.step_completed", "session.step_completed", "session.completed"]);
    expect(messages.every((m) => /^msg_[0-9a-f]{32}$/.test(m.id) && m.sessionId === sessionId && m.status === "pending")).toBe(true);

    const before = receiver.requests.length;
    const result = await deliverMessages(deps(fakeClock()), messages.map((m) => m.id));
    expect(result).toMatchObject({ attempted: 4, delivered: 4 });
    const received = receiver.requests.slice(before);
    expect(received).toHaveLength(4);
    const completed = received.find((r) => JSON.parse(r.body).type === "session.completed")!;
    // Throws unless the signature, id and timestamp check out.
    const payload = new Webhook(secret).verify(completed.body, completed.headers as Record<string, string>) as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: "session.completed",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { sessionId, workflowId: workflow.id, version: 1, test: false, status: "completed", answers: { name: "Ada", plan: "pro" }, prefilled: [], startedAt: expect.any(String), completedAt: expect.any(String) },
    });
    const step = received.map((r) => JSON.parse(r.body)).find((p) => p.type === "session.step_completed" && p.data.step.index === 0);
    expect(step.data).toMatchObject({ status: "open", step: { index: 0, id: "about" }, answers: { name: "Ada" } });
    expect(completed.id).toBe(messages[3]!.id);

    const listed = await listEndpointMessages(t.prisma, actor, endpoint.id);
    expect(listed.messages).toHaveLength(4);
    expect(listed.messages.every((m) => m.status === "delivered" && m.attempts.length === 1 && m.attempts[0]!.statusCode === 200 && m.attempts[0]!.responseBody === "ok")).toBe(true);
  });

  it("a session of a workflow without endpoints writes no message", async () => {
    const { workflow, endpoint } = await workflowWithEndpoint(t.prisma, receiver.url);
    await t.prisma.outboundEndpoint.delete({ where: { id: endpoint.id } });
    const sessionId = await completeSession(t.prisma, workflow.slug);
    expect(await t.prisma.outboundMessage.count({ where: { sessionId } })).toBe(0);
  });

  it("retries on the schedule under a fake clock: receiver down, then up → delivered once", async () => {
    const { workflow, endpoint } = await workflowWithEndpoint(t.prisma, `${receiver.url}/flaky`);
    await completeSession(t.prisma, workflow.slug);
    const [message] = await messagesOf(endpoint.id);
    const clock = fakeClock();
    let failuresLeft = 3;
    const retriesBefore = await attemptsCounted("retry");
    const deliveredBefore = await attemptsCounted("delivered");
    receiver.answer = (r) => (r.id === message!.id && failuresLeft-- > 0 ? { status: 503, body: "down" } : { status: 200, body: "ok" });
    try {
      const start = clock.at();
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(1); // 0 s: fails
      clock.advance(4_000);
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(0); // not due before 5 s
      clock.advance(1_000);
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(1); // 5 s: fails
      clock.advance(299_000);
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(0);
      clock.advance(1_000);
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(1); // +5 min: fails
      clock.advance(1_800_000);
      expect(await deliverMessages(deps(clock), null)).toMatchObject({ attempted: 1, delivered: 1 }); // +30 min: up
      clock.advance(36_000_000);
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(0);

      const [after] = await messagesOf(endpoint.id);
      expect(after!.status).toBe("delivered");
      expect(after!.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503, 200]);
      expect((await attemptsCounted("retry")) - retriesBefore).toBe(3);
      expect((await attemptsCounted("delivered")) - deliveredBefore).toBe(1);
      expect(after!.attempts.map((a) => a.attemptedAt.getTime() - start)).toEqual([0, 5_000, 305_000, 2_105_000]);
      expect(receiver.requests.filter((r) => r.id === message!.id && r.at > 0)).toHaveLength(4);
      expect((await t.prisma.outboundEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
    } finally {
      receiver.answer = () => ({ status: 200, body: "ok" });
    }
  });

  it("gives up after the eighth attempt; Recover since a time sends the failed ones again", async () => {
    const { workflow, endpoint, actor } = await workflowWithEndpoint(t.prisma, `${receiver.url}/down`);
    await completeSession(t.prisma, workflow.slug);
    const clock = fakeClock();
    receiver.answer = (r) => (r.headers["webhook-id"] && r.body.includes(workflow.id) ? { status: 500, body: "x".repeat(10_000) } : { status: 200 });
    try {
      for (let i = 0; i < 8; i++) {
        expect((await deliverMessages(deps(clock), null)).attempted).toBe(1);
        clock.advance(11 * 3_600_000);
      }
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(0);
      const [failed] = await messagesOf(endpoint.id);
      expect(failed).toMatchObject({ status: "failed", attemptCount: 8, nextAttemptAt: null });
      expect(failed!.attempts[0]!.responseBody).toHaveLength(4096);
    } finally {
      receiver.answer = () => ({ status: 200, body: "ok" });
    }
    expect(await recoverMessages(t.prisma, actor, endpoint.id, { since: new Date(Date.now() - 3_600_000).toISOString() })).toEqual({ recovered: 1 });
    expect(await deliverMessages(deps(fakeClock(clock.at())), null)).toMatchObject({ attempted: 1, delivered: 1 });
    const [recovered] = await messagesOf(endpoint.id);
    expect(recovered).toMatchObject({ status: "delivered", attemptCount: 9 });
  });

  it("honours Retry-After (seconds and HTTP date), never sooner than asked", async () => {
    const { workflow, endpoint } = await workflowWithEndpoint(t.prisma, `${receiver.url}/busy`);
    await completeSession(t.prisma, workflow.slug);
    const clock = fakeClock();
    receiver.answer = () => ({ status: 429, headers: { "retry-after": "120" } });
    try {
      await deliverMessages(deps(clock), null);
      let [m] = await messagesOf(endpoint.id);
      expect(m!.nextAttemptAt!.getTime() - m!.attempts[0]!.attemptedAt.getTime()).toBe(120_000);
      clock.advance(119_000);
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(0);
      clock.advance(1_000);
      receiver.answer = () => ({ status: 503, headers: { "retry-after": new Date(clock.at() + 3_600_000).toUTCString() } });
      expect((await deliverMessages(deps(clock), null)).attempted).toBe(1);
      [m] = await messagesOf(endpoint.id);
      expect(Math.abs(m!.nextAttemptAt!.getTime() - (clock.at() + 3_600_000))).toBeLessThan(1_000);
    } finally {
      receiver.answer = () => ({ status: 200, body: "ok" });
    }
  });

  it("a 410 disables the endpoint with an audit event; its messages wait until it is enabled again", async () => {
    const { workflow, endpoint, actor, workspaceId } = await workflowWithEndpoint(t.prisma, `${receiver.url}/gone`);
    await completeSession(t.prisma, workflow.slug);
    const clock = fakeClock();
    receiver.answer = () => ({ status: 410, body: "gone" });
    try {
      await deliverMessages(deps(clock), null);
    } finally {
      receiver.answer = () => ({ status: 200, body: "ok" });
    }
    const disabled = await getEndpoint(t.prisma, actor, endpoint.id);
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "gone", disabledMessage: expect.stringContaining("410") });
    const events = await listAuditEventRows(t.prisma, workspaceId, { action: "endpoint.disabled", targetId: endpoint.id });
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ reason: "gone" })]);
    await completeSession(t.prisma, workflow.slug);
    clock.advance(60_000);
    expect((await deliverMessages(deps(clock), null)).attempted).toBe(0);

    await updateEndpoint(t.prisma, actor, endpoint.id, { enabled: true });
    // The message refused with 410 (due again 5 s later); a disabled endpoint subscribes to nothing new.
    expect(await deliverMessages(deps(clock), null)).toMatchObject({ attempted: 1, delivered: 1 });
  });

  it("an endpoint failing for 5 days is disabled with an audit event and a banner reason", async () => {
    const { workflow, endpoint, actor, workspaceId } = await workflowWithEndpoint(t.prisma, `${receiver.url}/broken`);
    const clock = fakeClock();
    receiver.answer = () => ({ status: 500 });
    try {
      for (let day = 0; day <= 5; day++) {
        await completeSession(t.prisma, workflow.slug);
        await t.prisma.outboundMessage.updateMany({ where: { endpointId: endpoint.id, status: "pending" }, data: { nextAttemptAt: clock.now() } });
        await deliverMessages(deps(clock), null);
        expect((await getEndpoint(t.prisma, actor, endpoint.id)).enabled).toBe(day < 5);
        clock.advance(24 * 3_600_000 + 1_000);
      }
    } finally {
      receiver.answer = () => ({ status: 200, body: "ok" });
    }
    expect(await getEndpoint(t.prisma, actor, endpoint.id)).toMatchObject({ enabled: false, disabledReason: "failing", disabledMessage: expect.stringContaining("5 days") });
    expect(await listAuditEventRows(t.prisma, workspaceId, { action: "endpoint.disabled", targetId: endpoint.id })).toHaveLength(1);
  });

  it("Resend sends a delivered message again with the same webhook-id", async () => {
    const { workflow, endpoint, actor } = await workflowWithEndpoint(t.prisma, `${receiver.url}/resend`);
    await completeSession(t.prisma, workflow.slug);
    const clock = fakeClock();
    await deliverMessages(deps(clock), null);
    const [message] = await messagesOf(endpoint.id);
    expect(message!.status).toBe("delivered");
    const resent = await resendMessage(t.prisma, actor, message!.id);
    expect(resent.status).toBe("pending");
    clock.advance(60_000);
    expect(await deliverMessages(deps(clock), null)).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.requests.filter((r) => r.id === message!.id)).toHaveLength(2);
    expect((await messagesOf(endpoint.id))[0]!.attempts).toHaveLength(2);
  });

  it("a resend while an attempt is in flight is not lost: the message stays due and goes out again", async () => {
    const { workflow, endpoint, actor } = await workflowWithEndpoint(t.prisma, `${receiver.url}/in-flight`);
    await completeSession(t.prisma, workflow.slug);
    const [message] = await messagesOf(endpoint.id);
    receiver.answer = () => ({ status: 200, body: "ok", delayMs: 500 });
    try {
      const clock = fakeClock();
      const before = receiver.requests.length;
      const inFlight = deliverMessages(deps(clock), [message!.id]);
      while (receiver.requests.length === before) await new Promise((r) => setTimeout(r, 10));
      await resendMessage(t.prisma, actor, message!.id);
      const first = await inFlight;
      expect(first).toMatchObject({ attempted: 1, delivered: 1 });
      expect(first.retries.map((r) => r.id)).toEqual([message!.id]);
      const [after] = await messagesOf(endpoint.id);
      expect(after!.status).toBe("pending");
      expect(after!.leaseUntil).toBeNull();

      clock.advance(60_000);
      expect(await deliverMessages(deps(clock), [message!.id])).toMatchObject({ attempted: 1, delivered: 1 });
      expect(receiver.requests.filter((r) => r.id === message!.id)).toHaveLength(2);
      expect((await messagesOf(endpoint.id))[0]!.status).toBe("delivered");
    } finally {
      receiver.answer = () => ({ status: 200, body: "ok" });
    }
  });

  it("during a rotation both secrets sign: a receiver with the old or the new one verifies", async () => {
    const { workflow, endpoint, actor, secret: oldSecret } = await workflowWithEndpoint(t.prisma, `${receiver.url}/rotate`);
    const rotated = await rotateEndpointSecret(t.prisma, actor, endpoint.id, { expireOldInSeconds: 3600 }, { keys: TEST_KEYS });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.previousExpiresAt).not.toBeNull();
    await completeSession(t.prisma, workflow.slug);
    const before = receiver.requests.length;
    await deliverMessages(deps(fakeClock()), null);
    const request = receiver.requests[before]!;
    expect(String(request.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [oldSecret, rotated.secret]) expect(() => new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook("whsec_" + Buffer.alloc(32, 7).toString("base64")).verify(request.body, request.headers as Record<string, string>)).toThrow();

    // Once the overlap is over, only the new secret signs.
    await t.prisma.outboundEndpointSecret.updateMany({ where: { endpointId: endpoint.id, expiresAt: { not: null } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await completeSession(t.prisma, workflow.slug);
    await deliverMessages(deps(fakeClock()), null);
    const later = receiver.requests.at(-1)!;
    expect(String(later.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(() => new Webhook(rotated.secret).verify(later.body, later.headers as Record<string, string>)).not.toThrow();
  });

  it("SSRF guard: refuses loopback literals and a host name resolving to loopback unless private targets are allowed", async () => {
    const host = hostname();
    for (const url of [`http://127.0.0.1:${receiver.port}/x`, `http://[::1]:${receiver.port}/x`, `http://${host}:${receiver.port}/x`, `http://[::ffff:127.0.0.1]:${receiver.port}/x`]) {
      const { workflow, endpoint } = await workflowWithEndpoint(t.prisma, url);
      await completeSession(t.prisma, workflow.slug);
      const before = receiver.requests.length;
      expect((await deliverMessages(deps(fakeClock(), false), null)).delivered).toBe(0);
      expect(receiver.requests.length).toBe(before);
      const [m] = await messagesOf(endpoint.id);
      expect(m!.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringContaining("Refused target") });
      // Not our concern here whether the host name answers on IPv6 too: only that nothing was sent.
      await t.prisma.outboundEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false } });
    }
  });

  it("a redirect is a failed attempt and is not followed", async () => {
    const { workflow, endpoint } = await workflowWithEndpoint(t.prisma, `${receiver.url}/moved`);
    await completeSession(t.prisma, workflow.slug);
    receiver.answer = (r) => (r.headers["webhook-id"] ? { status: 307, headers: { location: `${receiver.url}/elsewhere` } } : { status: 200 });
    const before = receiver.requests.length;
    try {
      expect(await deliverMessages(deps(fakeClock()), null)).toMatchObject({ attempted: 1, delivered: 0 });
    } finally {
      receiver.answer = () => ({ status: 200, body: "ok" });
    }
    expect(receiver.requests.length - before).toBe(1);
    expect((await messagesOf(endpoint.id))[0]).toMatchObject({ status: "pending", attempts: [expect.objectContaining({ statusCode: 307 })] });
  });
});
