// The job runner (pg-boss) on the engine under test: events committed by the webhook's batched
// insert and by a participant's submit reach the receiver without anyone calling the
// dispatcher; a retry is enqueued for its time; the sweep finds messages nobody announced.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobRunner, type JobRunner } from "@/lib/jobs/job-runner";
import { registerOutboundJobs, type OutboundJobs } from "@/lib/outbound-webhooks/dispatch-jobs";
import { setMessageListener } from "@/lib/outbound-webhooks/announce-messages";
import { createEndpoint } from "@/lib/outbound-webhooks/create-endpoint";
import { closeHttpSender } from "@/lib/outbound-webhooks/http-sender";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { bodyOf, makeDeps, makeOwner, publishedHook, send, CUSTOMER_JSON } from "@/tests/inbound-webhooks/hook-test-kit";
import { startReceiver, type Receiver } from "./receiver";
import { completeSession, TEST_KEYS, workflowWithEndpoint } from "./outbound-test-kit";

const t = useTestDatabase();
let receiver: Receiver;
let boss: JobRunner;
let jobs: OutboundJobs;

beforeAll(async () => {
  receiver = await startReceiver();
  boss = await startJobRunner(t.connection);
  jobs = await registerOutboundJobs(boss, { db: t.prisma, keys: TEST_KEYS, allowPrivateTargets: true });
});
afterAll(async () => {
  jobs?.stop();
  await boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
  await receiver.close();
  await closeHttpSender();
});

describe("job runner", () => {
  it("delivers a participant's completion as soon as it commits", async () => {
    const { workflow, secret } = await workflowWithEndpoint(t.prisma, `${receiver.url}/runner`);
    const before = receiver.requests.length;
    const sessionId = await completeSession(t.prisma, workflow.slug);
    await receiver.waitFor(before + 1, 20_000);
    const request = receiver.requests[before]!;
    expect(new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ type: "session.completed", data: { sessionId } });
  });

  it("writes session.started in the webhook's batched insert and delivers it", async () => {
    const owner = await makeOwner(t);
    const { workflowId, hookId } = await publishedHook(t, owner, { enabled: false });
    const { secret } = await createEndpoint(t.prisma, owner.actor, workflowId, { url: `${receiver.url}/started`, events: ["session.started"] }, { keys: TEST_KEYS });
    const deps = makeDeps(t);
    const before = receiver.requests.length;
    const answers = await Promise.all([1, 2, 3].map((i) => send(deps, { hookId, body: CUSTOMER_JSON, headers: { "x-n": String(i) } })));
    const sessionIds = answers.map((a) => bodyOf(a).sessionId);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(await t.prisma.outboundMessage.count({ where: { sessionId: { in: sessionIds as string[] }, type: "session.started" } })).toBe(3);
    await receiver.waitFor(before + 3, 20_000);
    const got = receiver.requests.slice(before).map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { data: { sessionId: string; status: string; answers: unknown } });
    expect(got.map((p) => p.data.sessionId).sort()).toEqual([...sessionIds].sort());
    expect(got[0]!.data).toMatchObject({ status: "open", answers: { email: "ada@example.com" } });
  });

  it("a workflow whose endpoints want only completions writes no session.started from the webhook", async () => {
    const owner = await makeOwner(t);
    const { workflowId, hookId } = await publishedHook(t, owner, { enabled: false });
    await createEndpoint(t.prisma, owner.actor, workflowId, { url: `${receiver.url}/completed-only`, events: ["session.completed"] }, { keys: TEST_KEYS });
    const answer = await send(makeDeps(t), { hookId, body: CUSTOMER_JSON });
    expect(answer.status).toBe(201);
    expect(await t.prisma.outboundMessage.count({ where: { sessionId: bodyOf(answer).sessionId! } })).toBe(0);
  });

  it("the sweep sends what was committed but never announced (a crash between commit and enqueue)", async () => {
    setMessageListener(null);
    const { workflow } = await workflowWithEndpoint(t.prisma, `${receiver.url}/sweep`);
    const before = receiver.requests.length;
    const sessionId = await completeSession(t.prisma, workflow.slug);
    expect((await t.prisma.outboundMessage.findFirstOrThrow({ where: { sessionId } })).status).toBe("pending");
    expect(await jobs.sweep()).toBeGreaterThanOrEqual(1);
    await receiver.waitFor(before + 1, 20_000);
    expect(receiver.requests[before]!.body).toContain(sessionId);
  });
});
