// Completion webhooks survive a crash: sessions are created through the signed webhook (each
// writes its session.started message in the same statement), the receiver holds every request
// without answering, so attempts are in flight and none has succeeded, and the app is
// SIGKILLed mid-dispatch and restarted. Afterwards every acknowledged session's event is sent
// again and answered 2xx: nothing that was in flight, or not yet attempted, is lost.
// (On PGlite the restarted process voids the dead one's leases at once; on PostgreSQL they
// lapse after a minute and the next sweep sends them, so this waits up to a few minutes.)
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "@/tests/outbound-webhooks/receiver";
import { useAppProcess } from "./app-process";
import { api, createOwnerWithCli, createSignedHook, rawRequest, signedBody, type Owner, type SignedHook } from "./journey";

const SESSIONS = 60;

let owner: Owner;
let hook: SignedHook;
let receiver: Receiver;
let endpointSecret: string;
const { app } = useAppProcess({ ports: [3321], env: { SIGNET_ALLOW_PRIVATE_TARGETS: "1" }, prepare: (s) => void (owner = createOwnerWithCli(s)) });

beforeAll(async () => {
  receiver = await startReceiver();
  hook = await createSignedHook(app.baseUrl, owner.token, "Outbound crash");
  const endpoint = await api(app.baseUrl, owner.token, "POST", `/api/v1/workflows/${hook.workflowId}/endpoints`, { url: `${receiver.url}/crash`, events: ["session.started"] });
  if (endpoint.status !== 201) throw new Error(`create endpoint: ${endpoint.status} ${endpoint.text}`);
  endpointSecret = endpoint.json.secret;
});

afterAll(async () => {
  await receiver?.close();
});

describe("completion webhooks across a SIGKILL", () => {
  it("delivers every acknowledged session's event at least once after a restart", async () => {
    // No answer before the kill: attempts are leased and in flight, none succeeds.
    receiver.answer = () => ({ status: 200, body: "ok", delayMs: 120_000 });
    const accepted = new Set<string>();
    await Promise.all(
      Array.from({ length: 6 }, async (_, worker) => {
        for (let n = worker; n < SESSIONS; n += 6) {
          const { body, headers } = signedBody(hook, n);
          const result = await rawRequest(hook.hookUrl, { method: "POST", headers, body, timeoutMs: 30_000 });
          expect(result.status).toBe(201);
          accepted.add((JSON.parse(result.body) as { sessionId: string }).sessionId);
        }
      }),
    );
    await receiver.waitFor(5, 60_000);
    await app.kill();

    const sentBeforeKill = receiver.requests.length;
    receiver.answer = () => ({ status: 200, body: "ok" });
    await app.start();
    const deadline = Date.now() + 240_000;
    // Only what was sent after the restart counts: those requests are answered 200 at once.
    const seen = () => new Set(receiver.requests.slice(sentBeforeKill).map((r) => (JSON.parse(r.body) as { data: { sessionId: string } }).data.sessionId));
    while ([...accepted].some((id) => !seen().has(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect([...accepted].filter((id) => !seen().has(id))).toEqual([]);
    for (const request of receiver.requests) expect(() => new Webhook(endpointSecret).verify(request.body, request.headers as Record<string, string>)).not.toThrow();
  }, 400_000);
});
