// The "send a signed test request" button: signs with the newest fitting secret under the
// settings the test URL verifies with, posts to the workflow's own test URL (published or
// not), says what is wrong when it cannot, and is for editors only.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { AppError } from "@/lib/errors/app-error";
import { verifySignature } from "@/lib/hmac/verify";
import { loadActiveSecrets } from "@/lib/webhook-secrets/active-secrets";
import { createSecret } from "@/lib/webhook-secrets/create-secret";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { ZHmacSettings, type THmacSettings } from "@/lib/hmac/schemas";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { sendTestRequest } from "./send-test-request";

const keys = [{ id: "k1", key: randomBytes(32) }];
const publicUrl = "https://signet.example.com";
const t = useTestDatabase();

const user = (label: string) => signUp(t.prisma, { email: `${label}-${randomBytes(4).toString("hex")}@example.com`, password: "correct horse battery staple" });
const codeOf = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("sendTestRequest", () => {
  it("signs with the newest fitting secret under the draft's settings and posts to the test URL, published or not", async () => {
    const owner = await user("owner");
    const actor = { userId: owner.userId };
    const steps = [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "name", label: "Name" }] }];
    const wf = await createWorkflow(t.prisma, actor, owner.workspaceId, {
      name: "Signed",
      definition: { trigger: { type: "webhook", hmac: { scheme: "standard-webhooks", enabled: true } }, steps },
    });
    const noSecret = await sendTestRequest(t.prisma, actor, wf.id, { body: "{}" }, { publicUrl, keys }).catch((e: unknown) => e);
    expect(noSecret).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("no active secret") });

    await createSecret(t.prisma, actor, wf.id, {}, { keys });
    const newest = await createSecret(t.prisma, actor, wf.id, { expireOthersInSeconds: 3600 }, { keys });
    const seen: { url: string; outcome: string; secretId?: string }[] = [];
    const verifyingFetch = (settings: THmacSettings) =>
      (async (url: string, init: RequestInit) => {
        const body = Buffer.from(init.body as Uint8Array);
        const secrets = await loadActiveSecrets(t.prisma, wf.id, new Date(), keys);
        const outcome = verifySignature({ settings, headers: init.headers as Record<string, string>, body, secrets });
        seen.push({ url, outcome: outcome.kind, secretId: outcome.kind === "ok" ? outcome.secretId : undefined });
        return new Response(JSON.stringify({ sessionId: "x", sessionUrl: "y", test: true }), { status: 201 });
      }) as unknown as typeof fetch;

    // Never published: the test URL works on the draft, so the button does too.
    const sw = ZHmacSettings.parse({ scheme: "standard-webhooks", enabled: true });
    const result = await sendTestRequest(t.prisma, actor, wf.id, { body: '{"name":"Ada"}' }, { publicUrl, keys, fetch: verifyingFetch(sw) });
    expect(seen).toEqual([{ url: `${publicUrl}/api/hooks/${wf.hookId}?test=true`, outcome: "ok", secretId: newest.id }]);
    expect(result).toMatchObject({ status: 201, signedWithLast4: newest.last4 });
    expect(Object.keys(result.sentHeaders).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(JSON.stringify(result)).not.toContain(newest.secret);

    // Published with HMAC on, then a draft with HMAC off: still signed, with the live settings.
    await publishWorkflow(t.prisma, actor, wf.id);
    await updateWorkflow(t.prisma, actor, wf.id, { definition: { trigger: { type: "webhook", hmac: { scheme: "standard-webhooks", enabled: false } }, steps } });
    seen.length = 0;
    const stillSigned = await sendTestRequest(t.prisma, actor, wf.id, { body: "{}" }, { publicUrl, keys, fetch: verifyingFetch(sw) });
    expect(stillSigned.signedWithLast4).toBe(newest.last4);
    expect(seen[0]?.outcome).toBe("ok");

    // An unreachable URL says so (never "something went wrong").
    const down = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    const unreachable = await sendTestRequest(t.prisma, actor, wf.id, { body: "{}" }, { publicUrl, keys, fetch: down }).catch((e: unknown) => e);
    expect(unreachable).toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("could not be reached") });

    // Viewers may look but not send.
    const viewer = await user("viewer");
    await upsertMembership(t.prisma, owner.workspaceId, viewer.userId, "viewer");
    expect(await codeOf(sendTestRequest(t.prisma, { userId: viewer.userId }, wf.id, { body: "{}" }, { publicUrl, keys, fetch: down }))).toBe("FORBIDDEN");
  });

  it("names the secrets when none fits the scheme (a secret stored before the scheme rule existed)", async () => {
    const owner = await user("legacy");
    const actor = { userId: owner.userId };
    const wf = await createWorkflow(t.prisma, actor, owner.workspaceId, {
      name: "Legacy",
      definition: { trigger: { type: "webhook", hmac: { scheme: "prefixed-hex", enabled: true } }, steps: [{ type: "form", id: "s", title: "S", fields: [] }] },
    });
    const pasted = await createSecret(t.prisma, actor, wf.id, { value: "my-super-long-company-secret-2026!" }, { keys });
    // As an older version allowed: the scheme changed under a secret that cannot key it.
    const draft = { trigger: { type: "webhook", hmac: { scheme: "standard-webhooks", enabled: true } }, steps: [{ type: "form", id: "s", title: "S", fields: [] }] };
    await t.prisma.workflow.update({ where: { id: wf.id }, data: { draft } });
    const refused = await sendTestRequest(t.prisma, actor, wf.id, { body: "{}" }, { publicUrl, keys }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "CONFLICT", reason: "no_fitting_secret" });
    expect((refused as AppError).message).toContain(`…${pasted.last4}`);
    expect((refused as AppError).message).toContain("does not start with whsec_");
  });
});
