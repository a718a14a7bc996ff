// Crash safety: while signed webhook requests stream in, the app is SIGKILLed (no shutdown
// code runs) and restarted, several times. Every request that got a 2xx must have its session
// and its delivery row afterwards, no session may lack its delivery row (nothing
// half-written), and the app must start clean on the same data each time.
// CI form: 2 kills. `npm run soak` (SIGNET_SOAK=1): 8 kills with more traffic.
import { beforeAll, describe, expect, it } from "vitest";
import { useAppProcess } from "./app-process";
import { checkConsistency, withStoreDb } from "./db-check";
import { api, createOwnerWithCli, createSignedHook, rawRequest, signedBody, type Owner, type SignedHook } from "./journey";

const SOAK = process.env.SIGNET_SOAK === "1";
const KILLS = SOAK ? 8 : 2;
const ACCEPTED_BEFORE_KILL = SOAK ? 150 : 40;
const SENDERS = 8;

let owner: Owner;
let hook: SignedHook;
const { app, store } = useAppProcess({ ports: [3310], prepare: (s) => void (owner = createOwnerWithCli(s)) });

beforeAll(async () => {
  hook = await createSignedHook(app.baseUrl, owner.token);
});

/**
 * SENDERS loops post signed requests until the app dies under them; each 2xx's session id is
 * recorded. The kill comes once `killAfter` requests have been accepted in this round, so
 * requests are in flight at every stage of the pipeline when it lands.
 */
async function streamAndKill(accepted: Set<string>, counter: { n: number }, killAfter: number) {
  let acceptedThisRound = 0;
  let killed = false;
  let killing: Promise<void> | null = null;
  const sender = async () => {
    while (!killed) {
      const { body, headers } = signedBody(hook, counter.n++);
      const result = await rawRequest(hook.hookUrl, { method: "POST", headers, body, timeoutMs: 30_000 });
      if (result.status !== null && result.status >= 200 && result.status < 300) {
        const json = JSON.parse(result.body) as { sessionId: string };
        accepted.add(json.sessionId);
        if (++acceptedThisRound >= killAfter && !killing) {
          killing = app.kill().then(() => {
            killed = true;
          });
        }
      } else if (result.status !== null) {
        // Before the kill every request is valid, so anything else is a defect.
        if (!killing) throw new Error(`unexpected ${result.status}: ${result.body}`);
      } else if (!killing) {
        throw new Error(`connection failed before the kill: ${result.error}`);
      }
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
}

describe(`crash safety (SIGKILL mid-stream, ${KILLS} times)`, () => {
  it("keeps every acknowledged session with its delivery row, writes nothing half, and restarts clean", async () => {
    const accepted = new Set<string>();
    const counter = { n: 0 };
    for (let round = 0; round < KILLS; round++) {
      await streamAndKill(accepted, counter, ACCEPTED_BEFORE_KILL);
      expect(app.child.signalCode).toBe("SIGKILL");
      await app.start();
    }
    expect(accepted.size).toBeGreaterThanOrEqual(KILLS * ACCEPTED_BEFORE_KILL);

    // Started clean: a new signed request is accepted and readable at once.
    const { body, headers } = signedBody(hook, counter.n++);
    const after = await rawRequest(hook.hookUrl, { method: "POST", headers, body });
    expect(after.status).toBe(201);
    const afterId = (JSON.parse(after.body) as { sessionId: string }).sessionId;
    accepted.add(afterId);
    expect((await api(app.baseUrl, owner.token, "GET", `/api/v1/sessions/${afterId}`)).status).toBe(200);

    // Every acknowledged session is readable through the API…
    const sample = [...accepted].filter((_, i) => i % 5 === 0);
    for (const id of sample) {
      const read = await api(app.baseUrl, owner.token, "GET", `/api/v1/sessions/${id}`);
      expect(read.status, `session ${id}`).toBe(200);
      expect(read.json.data.email).toMatch(/^p\d+@example\.com$/);
    }

    // …and, read from the database itself, has its delivery row; nothing is half-written.
    await app.stop();
    const report = await withStoreDb(store, (db) => checkConsistency(db, hook.workflowId, accepted));
    expect(report.missing).toEqual([]);
    expect(report.sessionsWithoutDelivery).toEqual([]);
    expect(report.deliveriesWithoutSession).toEqual([]);
    expect(report.sessions).toBeGreaterThanOrEqual(accepted.size);
    await app.start();
    const errors = app.logs.filter((line) => line.includes('"level":"error"'));
    expect(errors, errors.join("\n")).toEqual([]);
  }, 600_000);
});
