// Two app instances on one PostgreSQL deliver completion webhooks together without ever
// sending one message twice at the same time: sessions arrive through both instances, then
// every message is resent through both instances at once (each enqueues it on its own job
// runner), while the receiver answers slowly and counts requests in flight per webhook-id.
// PostgreSQL pass only: the embedded PGlite database belongs to one process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createSignedHook, rawRequest, signedBody } from "@/tests/reliability/journey";
import { startReceiver, type Receiver } from "@/tests/outbound-webhooks/receiver";
import { useCluster } from "./cluster";

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const SESSIONS = 80;

if (!ON_POSTGRES) console.info("outbound multi-instance suite skipped: it needs PostgreSQL (instances cannot share the embedded PGlite database); it runs in the PostgreSQL pass");

const cluster = useCluster({ instances: 2, basePort: 3360, env: { SIGNET_ALLOW_PRIVATE_TARGETS: "1" } });
let receiver: Receiver;

beforeAll(async () => {
  if (ON_POSTGRES) receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

describe.runIf(ON_POSTGRES)("completion webhooks on two instances", () => {
  it("never sends one message concurrently, and delivers each", async () => {
    receiver.answer = () => ({ status: 200, body: "ok", delayMs: 250 });
    const [a, b] = cluster.apps.map((app) => app.baseUrl) as [string, string];
    const hook = await createSignedHook(a, cluster.owner.token, "Outbound cluster");
    const endpoint = await api(a, cluster.owner.token, "POST", `/api/v1/workflows/${hook.workflowId}/endpoints`, { url: `${receiver.url}/cluster`, events: ["session.started"] });
    expect(endpoint.status).toBe(201);

    await Promise.all(
      Array.from({ length: SESSIONS }, async (_, n) => {
        const { body, headers } = signedBody(hook, n);
        const result = await rawRequest(`${n % 2 ? a : b}/api/hooks/${hook.hookId}`, { method: "POST", headers, body, timeoutMs: 30_000 });
        expect(result.status).toBe(201);
      }),
    );
    await receiver.waitFor(SESSIONS, 120_000);
    const firstRound = new Set(receiver.requests.map((r) => r.id));
    expect(firstRound.size).toBe(SESSIONS);
    expect(receiver.requests).toHaveLength(SESSIONS);

    // Every message resent through both instances at the same moment.
    const ids = [...firstRound];
    const resends = await Promise.all(ids.flatMap((id) => [a, b].map((base) => api(base, cluster.owner.token, "POST", `/api/v1/messages/${id}/resend`))));
    expect(resends.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    // Wait for every message's second send (a total count could be reached by third sends of
    // others first), then settle: a late extra send would show up now.
    const sends = () => {
      const perMessage = new Map<string, number>();
      for (const r of receiver.requests) perMessage.set(r.id, (perMessage.get(r.id) ?? 0) + 1);
      return ids.map((id) => perMessage.get(id) ?? 0);
    };
    const deadline = Date.now() + 120_000;
    while (sends().some((n) => n < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 3_000));
    expect(receiver.maxConcurrentPerMessage).toBe(1);
    // Each resend is a request to send again; two resends racing may be served by one send or two, never at once.
    const counts = sends();
    expect(counts.filter((n) => n < 2 || n > 3), `sends per message: ${counts.join(",")}`).toEqual([]);
  }, 600_000);
});
