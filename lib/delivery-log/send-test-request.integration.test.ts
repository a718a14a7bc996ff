// The "send a signed test request" button: signs with the newest active secret and the live
// settings, posts to the workflow's own test URL, and is for editors only.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { AppError } from "@/lib/errors/app-error";
import { verifySignature } from "@/lib/hmac/verify";
import { loadActiveSecrets } from "@/lib/webhook-secrets/active-secrets";
import { createSecret } from "@/lib/webhook-secrets/create-secret";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { sendTestRequest } from "./send-test-request";

const keys = [{ id: "k1", key: randomBytes(32) }];
const publicUrl = "https://signet.example.com";
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const user = (label: string) => signUp(t.prisma, { email: `${label}-${randomBytes(4).toString("hex")}@example.com`, password: "correct horse battery staple" });
const codeOf = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("sendTestRequest", () => {
  it("signs with the newest active secret under the live settings and posts to the test URL", async () => {
    const owner = await user("owner");
    const actor = { userId: owner.userId };
    const wf = await createWorkflow(t.prisma, actor, owner.workspaceId, {
      name: "Signed",
      definition: {
        trigger: { type: "webhook", hmac: { scheme: "standard-webhooks", enabled: true } },
        steps: [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "name", label: "Name" }] }],
      },
    });
    expect(await codeOf(sendTestRequest(t.prisma, actor, wf.id, { body: "{}" }, { publicUrl, keys }))).toBe("CONFLICT"); // unpublished
    await publishWorkflow(t.prisma, actor, wf.id);
    expect(await codeOf(sendTestRequest(t.prisma, actor, wf.id, { body: "{}" }, { publicUrl, keys }))).toBe("CONFLICT"); // no secret

    await createSecret(t.prisma, actor, wf.id, {}, { keys });
    const newest = await createSecret(t.prisma, actor, wf.id, { expireOthersInSeconds: 3600 }, { keys });
    const seen: { url: string; outcome: string; secretId?: string }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      const body = Buffer.from(init.body as Uint8Array);
      const secrets = await loadActiveSecrets(t.prisma, wf.id, new Date(), keys);
      const outcome = verifySignature({ settings: { scheme: "standard-webhooks", enabled: true, algorithm: "sha256", toleranceSeconds: 300 }, headers: init.headers as Record<string, string>, body, secrets });
      seen.push({ url, outcome: outcome.kind, secretId: outcome.kind === "ok" ? outcome.secretId : undefined });
      return new Response(JSON.stringify({ sessionId: "x", sessionUrl: "y", test: true }), { status: 201 });
    }) as unknown as typeof fetch;

    const result = await sendTestRequest(t.prisma, actor, wf.id, { body: '{"name":"Ada"}' }, { publicUrl, keys, fetch: fakeFetch });
    expect(seen).toEqual([{ url: `${publicUrl}/api/hooks/${wf.hookId}?test=true`, outcome: "ok", secretId: newest.id }]);
    expect(result).toMatchObject({ status: 201, signedWithLast4: newest.last4 });
    expect(Object.keys(result.sentHeaders).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(JSON.stringify(result)).not.toContain(newest.secret);

    // Viewers may look but not send.
    const viewer = await user("viewer");
    await upsertMembership(t.prisma, owner.workspaceId, viewer.userId, "viewer");
    expect(await codeOf(sendTestRequest(t.prisma, { userId: viewer.userId }, wf.id, { body: "{}" }, { publicUrl, keys, fetch: fakeFetch }))).toBe("FORBIDDEN");
  });
});
