// Three app instances on one PostgreSQL behind nginx (deploy/nginx.conf) behave as one app:
// - 20 copies of one signed message, spread over the instances at once → one session;
// - a hook limited to 60 requests a minute admits at most 60 (plus the refill during the
//   test) across all instances together, not 60 per instance;
// - a rotated-in secret and a revoked one count on every instance the moment the API answers;
// - a sign-in lockout earned on some instances holds on all of them, and a parallel burst of
//   guesses spread over them all gets no more password checks than one instance would allow.
// PostgreSQL pass only: the embedded PGlite database belongs to one process, so there is no
// way to run several instances on it (the PGlite pass reports this file as skipped).
import { describe, expect, it } from "vitest";
import { SIGN_IN_MAX_ATTEMPTS } from "@/lib/auth/verify-credentials";
import { signRequest } from "@/lib/hmac/sign";
import { ZHmacSettings } from "@/lib/hmac/schemas";
import { api, createSignedHook, HMAC, PASSWORD, rawRequest, type RawResult } from "@/tests/reliability/journey";
import { runCli } from "@/tests/reliability/app-process";
import { CookieJar, signInWithCredentials } from "@/tests/security/http-client";
import { useCluster } from "./cluster";

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const LIMIT_PER_MINUTE = 60;
const STANDARD = ZHmacSettings.parse({ enabled: true, scheme: "standard-webhooks" });

if (!ON_POSTGRES) console.info("multi-instance suite skipped: it needs PostgreSQL (instances cannot share the embedded PGlite database); it runs in the PostgreSQL pass");

const cluster = useCluster({ instances: 3, basePort: 3340, env: { SIGNET_HOOK_RATE_LIMIT: String(LIMIT_PER_MINUTE) } });

/** The three instances directly, then nginx: request i goes to target i % 4. */
const targets = () => [...cluster.apps.map((a) => a.baseUrl), cluster.baseUrl];

async function standardWebhooksHook(name: string) {
  const created = await api(cluster.baseUrl, cluster.owner.token, "POST", "/api/v1/workflows", {
    name,
    definition: {
      trigger: { type: "webhook", hmac: STANDARD },
      steps: [{ type: "form", id: "s", title: "S", fields: [{ key: "email", label: "Email", type: "email" }] }],
      mapping: [{ from: "email", to: "email" }],
    },
  });
  expect(created.status).toBe(201);
  const secret = await api(cluster.baseUrl, cluster.owner.token, "POST", `/api/v1/workflows/${created.json.id}/secrets`, {});
  expect((await api(cluster.baseUrl, cluster.owner.token, "POST", `/api/v1/workflows/${created.json.id}/publish`, {})).status).toBe(200);
  return { workflowId: created.json.id as string, path: `/api/hooks/${created.json.hookId}`, secret: secret.json.secret as string };
}

function post(url: string, body: string, headers: Record<string, string>): Promise<RawResult> {
  return rawRequest(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
}

describe.skipIf(!ON_POSTGRES)("three instances behind nginx (PostgreSQL only)", () => {
  it("20 copies of one message sent to all instances at once make one session", async () => {
    const hook = await standardWebhooksHook("Idempotency");
    const body = JSON.stringify({ email: "ada@example.com" });
    const headers = signRequest({ settings: STANDARD, secret: hook.secret, body: new TextEncoder().encode(body), id: "msg_one_and_only" });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(`${targets()[i % 4]}${hook.path}`, body, headers)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const ids = new Set(answers.map((a) => (JSON.parse(a.body) as { sessionId: string }).sessionId));
    expect(ids.size).toBe(1);
    const sessions = await api(cluster.baseUrl, cluster.owner.token, "GET", `/api/v1/workflows/${hook.workflowId}/sessions`);
    expect(sessions.json.data).toHaveLength(1);
  });

  it(`a hook limited to ${LIMIT_PER_MINUTE}/min admits at most ${LIMIT_PER_MINUTE} (+ the refill) across all instances, and 429s the rest`, async () => {
    const hook = await standardWebhooksHook("Limited");
    const started = Date.now();
    // 150 distinct messages, more than the limit but less than 3 × the limit: per-instance
    // limits would let every one of them through.
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) => {
        const body = JSON.stringify({ email: `p${i}@example.com` });
        const headers = signRequest({ settings: STANDARD, secret: hook.secret, body: new TextEncoder().encode(body) });
        return post(`${targets()[i % 4]}${hook.path}`, body, headers);
      }),
    );
    const elapsedS = (Date.now() - started) / 1000;
    const accepted = answers.filter((a) => a.status === 201).length;
    const limited = answers.filter((a) => a.status === 429);
    expect(accepted + limited.length, `statuses: ${answers.map((a) => a.status).join(",")}`).toBe(150);
    // One token a second refills while the burst runs.
    expect(accepted).toBeLessThanOrEqual(LIMIT_PER_MINUTE + Math.ceil(elapsedS));
    // Reservations may leave a few tokens unspent on an instance, never many.
    expect(accepted).toBeGreaterThanOrEqual(LIMIT_PER_MINUTE - 3 * 3);
    expect(limited.every((a) => Number(a.headers["retry-after"]) >= 1)).toBe(true);
    expect((JSON.parse(limited[0]!.body) as { code: string }).code).toBe("rate_limited");
    const sessions = await api(cluster.baseUrl, cluster.owner.token, "GET", `/api/v1/workflows/${hook.workflowId}/sessions?limit=100`);
    expect(sessions.json.data).toHaveLength(accepted);
  });

  it("a rotated-in secret and a revoked one count on every instance as soon as the API answers", async () => {
    const hook = await createSignedHook(cluster.baseUrl, cluster.owner.token, "Rotation");
    const signedWith = (secret: string, n: number) => {
      const body = JSON.stringify({ customer: { email: `r${n}@example.com` }, n });
      return { body, headers: signRequest({ settings: HMAC, secret, body: new TextEncoder().encode(body) }) };
    };
    const sendToEach = async (secret: string) =>
      Promise.all(cluster.apps.map((app, i) => {
        const { body, headers } = signedWith(secret, i);
        return post(`${app.baseUrl}/api/hooks/${hook.hookId}`, body, headers).then((a) => a.status);
      }));

    // Rotation through one instance: the new secret verifies on all three at once, the old one still too.
    const rotated = await api(cluster.apps[0]!.baseUrl, cluster.owner.token, "POST", `/api/v1/workflows/${hook.workflowId}/secrets`, { expireOthersInSeconds: 3600 });
    expect(rotated.status).toBe(201);
    expect(await sendToEach(rotated.json.secret)).toEqual([201, 201, 201]);
    expect(await sendToEach(hook.secret)).toEqual([201, 201, 201]);

    // Revocation through another instance: the old secret fails on all three at once.
    const revoked = await api(cluster.apps[1]!.baseUrl, cluster.owner.token, "POST", `/api/v1/workflows/${hook.workflowId}/secrets/${hook.secretId}/revoke`);
    expect(revoked.status).toBe(200);
    expect(await sendToEach(hook.secret)).toEqual([401, 401, 401]);
    expect(await sendToEach(rotated.json.secret)).toEqual([201, 201, 201]);
  });

  it("a sign-in lockout earned across instances holds on every instance", async () => {
    const email = `lockout-${Date.now()}@example.com`;
    runCli(cluster.store, ["user:create", "--email", email, "--password", PASSWORD]);
    // Five wrong passwords, each on the next instance.
    for (let i = 0; i < 5; i++) {
      const wrong = await signInWithCredentials(cluster.apps[i % 3]!.baseUrl, new CookieJar(), email, "wrong password here");
      expect(wrong.location, `attempt ${i + 1}`).toMatch(/error=CredentialsSignin/);
    }
    for (const base of targets()) {
      const right = await signInWithCredentials(base, new CookieJar(), email, PASSWORD);
      expect(right.location, base).toMatch(/code=locked/);
    }
  });

  it("a burst of wrong passwords over all instances and nginx gets at most five password checks in all", async () => {
    const email = `burst-${Date.now()}@example.com`;
    runCli(cluster.store, ["user:create", "--email", email, "--password", PASSWORD]);
    const checked = () => cluster.apps.flatMap((app) => app.logs).filter((line) => line.includes('"password_checked"')).length;
    const before = checked();
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => signInWithCredentials(targets()[i % 4]!, new CookieJar(), email, `wrong password ${i}`)));
    expect(checked() - before, "password checks across the instances").toBeLessThanOrEqual(SIGN_IN_MAX_ATTEMPTS);
    expect(answers.filter((a) => /code=locked/.test(a.location ?? "")).length).toBeGreaterThanOrEqual(24 - SIGN_IN_MAX_ATTEMPTS);
    for (const base of targets()) expect((await signInWithCredentials(base, new CookieJar(), email, PASSWORD)).location, base).toMatch(/code=locked/);
  });
});
