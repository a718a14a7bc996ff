// The audit log on PGlite and PostgreSQL: every security-relevant action that exists writes
// exactly one event naming who, what and which target, never a secret; the log reads back
// with filters and pages through the app and through GET /api/v1/audit-events.
import { describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { createSecret } from "@/lib/webhook-secrets/create-secret";
import { revealSecret } from "@/lib/webhook-secrets/reveal-secret";
import { revokeSecret } from "@/lib/webhook-secrets/revoke-secret";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { inviteMember } from "@/lib/workspaces/invite-member";
import { respondToInvitation, revokeInvitation } from "@/lib/workspaces/manage-invitations";
import { findMembershipByEmail, upsertMembership } from "@/lib/workspaces/membership-repository";
import { removeMember } from "@/lib/workspaces/remove-member";
import { call, createUser, ownerWithToken, setUpApiTestDb } from "@/tests/api/api-test-kit";
import { TEST_KEYS } from "@/tests/inbound-webhooks/hook-test-kit";
import { AUDIT_ACTIONS, type AuditAction } from "./actions";
import { listAuditEvents, type AuditEventView } from "./list-audit-events";
import { parseAuditFilter } from "./schemas";

const t = setUpApiTestDb();

const definition = (hmac: boolean) => ({
  trigger: { type: "webhook", hmac: { enabled: hmac, scheme: "prefixed-hex" } },
  steps: [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "name", label: "Name" }] }],
  mapping: [],
});

async function everything(workspaceId: string, actor: Actor) {
  const log = (filter: Record<string, string> = {}, limit = 100) => listAuditEvents(t.db.prisma, actor, workspaceId, parseAuditFilter(new URLSearchParams(filter)), { limit });
  return log;
}

describe("every security-relevant action writes one event", () => {
  it("workflow, secret, HMAC, publish, token and member actions name their actor and target and hold no secret", async () => {
    const owner = await ownerWithToken(t.db, "auditor");
    const actor = { userId: owner.userId };
    const log = await everything(owner.workspaceId, actor);
    const newest = async () => (await log({}, 1)).data[0]!;
    const seen: AuditEventView[] = [];
    const expectEvent = async (action: AuditAction, target: { type: string; id: string; label: string | null }, workflow?: string, by = { id: owner.userId, email: owner.email }) => {
      const event = await newest();
      expect(event, action).toMatchObject({ action, description: AUDIT_ACTIONS[action].label, actor: by, target });
      if (workflow) expect(event.workflow?.id).toBe(workflow);
      seen.push(event);
    };

    const wf = await createWorkflow(t.db.prisma, actor, owner.workspaceId, { name: "Payroll", definition: definition(true) });
    await expectEvent("workflow.created", { type: "workflow", id: wf.id, label: "Payroll" }, wf.id);

    const secret = await createSecret(t.db.prisma, actor, wf.id, {}, { keys: TEST_KEYS });
    await expectEvent("secret.created", { type: "webhook_secret", id: secret.id, label: `…${secret.last4}` }, wf.id);
    await revealSecret(t.db.prisma, actor, wf.id, secret.id, { keys: TEST_KEYS });
    await expectEvent("secret.revealed", { type: "webhook_secret", id: secret.id, label: `…${secret.last4}` }, wf.id);

    await publishWorkflow(t.db.prisma, actor, wf.id);
    const [enabled, published] = (await log({}, 2)).data;
    expect(published).toMatchObject({ action: "workflow.published", target: { id: wf.id, label: "Payroll" }, data: { version: 1 } });
    expect(enabled).toMatchObject({ action: "workflow.hmac_enabled", target: { id: wf.id }, data: { version: 1, scheme: "prefixed-hex" } });
    seen.push(enabled!, published!);

    await updateWorkflow(t.db.prisma, actor, wf.id, { definition: definition(false) });
    await publishWorkflow(t.db.prisma, actor, wf.id);
    expect((await log({}, 2)).data.map((e) => e.action)).toEqual(["workflow.hmac_disabled", "workflow.published"]);

    await revokeSecret(t.db.prisma, actor, wf.id, secret.id);
    await expectEvent("secret.revoked", { type: "webhook_secret", id: secret.id, label: `…${secret.last4}` }, wf.id);

    const token = await createApiToken(t.db.prisma, actor, owner.workspaceId, { name: "CI deploys" });
    await expectEvent("api_token.created", { type: "api_token", id: token.id, label: `CI deploys (…${token.last4})` });
    await revokeApiToken(t.db.prisma, actor, owner.workspaceId, token.id);
    await expectEvent("api_token.revoked", { type: "api_token", id: token.id, label: `CI deploys (…${token.last4})` });

    // Members: invited, accepted, role changed, removed; another invitation revoked.
    const colleague = await createUser(t.db, "colleague");
    await inviteMember(t.db.prisma, actor, owner.workspaceId, { email: colleague.email, role: "viewer" });
    const invitationId = (await newest()).target.id;
    await expectEvent("member.invited", { type: "invitation", id: invitationId, label: colleague.email });
    expect(seen.at(-1)!.data).toEqual({ email: colleague.email, role: "viewer" });
    await respondToInvitation(t.db.prisma, { userId: colleague.userId }, invitationId, "accept");
    await expectEvent("invitation.accepted", { type: "invitation", id: invitationId, label: colleague.email }, undefined, { id: colleague.userId, email: colleague.email });
    await inviteMember(t.db.prisma, actor, owner.workspaceId, { email: colleague.email, role: "editor" });
    await expectEvent("member.role_changed", { type: "user", id: colleague.userId, label: colleague.email });
    expect(seen.at(-1)!.data).toEqual({ from: "viewer", to: "editor" });
    const membership = await findMembershipByEmail(t.db.prisma, owner.workspaceId, colleague.email);
    await removeMember(t.db.prisma, actor, owner.workspaceId, membership!.id);
    await expectEvent("member.removed", { type: "user", id: colleague.userId, label: colleague.email });
    await inviteMember(t.db.prisma, actor, owner.workspaceId, { email: "someone@example.com", role: "viewer" });
    const second = (await newest()).target.id;
    await revokeInvitation(t.db.prisma, actor, owner.workspaceId, second);
    await expectEvent("invitation.revoked", { type: "invitation", id: second, label: "someone@example.com" });

    await deleteWorkflow(t.db.prisma, actor, wf.id);
    const deleted = await newest();
    expect(deleted).toMatchObject({ action: "workflow.deleted", target: { id: wf.id, label: "Payroll" }, workflow: { id: wf.id, name: null } });

    // The whole log: nothing secret in it, one event per action above.
    const all = await log();
    expect(JSON.stringify(all)).not.toContain(secret.secret);
    expect(JSON.stringify(all)).not.toContain(token.token);
    expect(all.data.map((e) => e.action).reverse()).toEqual([
      "api_token.created", // the owner's own token from the test set-up
      "workflow.created",
      "secret.created",
      "secret.revealed",
      "workflow.published",
      "workflow.hmac_enabled",
      "workflow.published",
      "workflow.hmac_disabled",
      "secret.revoked",
      "api_token.created",
      "api_token.revoked",
      "member.invited",
      "invitation.accepted",
      "member.role_changed",
      "member.removed",
      "member.invited",
      "invitation.revoked",
      "workflow.deleted",
    ]);
  });
});

describe("reading the log", () => {
  it("filters by action, actor, target type, target, workflow and time, and pages without gaps or repeats", async () => {
    const owner = await ownerWithToken(t.db, "reader");
    const actor = { userId: owner.userId };
    const editor = await createUser(t.db, "editor");
    await upsertMembership(t.db.prisma, owner.workspaceId, editor.userId, "editor");
    const a = await createWorkflow(t.db.prisma, actor, owner.workspaceId, { name: "A", definition: definition(false) });
    const b = await createWorkflow(t.db.prisma, { userId: editor.userId }, owner.workspaceId, { name: "B", definition: definition(false) });
    const secretA = await createSecret(t.db.prisma, { userId: editor.userId }, a.id, {}, { keys: TEST_KEYS });
    await publishWorkflow(t.db.prisma, actor, a.id);
    await publishWorkflow(t.db.prisma, { userId: editor.userId }, b.id);
    const log = await everything(owner.workspaceId, actor);
    const actions = async (filter: Record<string, string>) => (await log(filter)).data.map((e) => e.action);

    expect(await actions({ action: "workflow.published" })).toEqual(["workflow.published", "workflow.published"]);
    expect(await actions({ actor: editor.email })).toEqual(["workflow.published", "secret.created", "workflow.created"]);
    expect(await actions({ targetType: "webhook_secret" })).toEqual(["secret.created"]);
    expect(await actions({ target: b.id })).toEqual(["workflow.published", "workflow.created"]);
    // A workflow's events include those on its secrets.
    expect(await actions({ workflow: a.id })).toEqual(["workflow.published", "secret.created", "workflow.created"]);
    expect(await actions({ actor: "nobody@example.com" })).toEqual([]);
    expect(await actions({ from: "2000-01-01", to: "2000-01-02" })).toEqual([]);
    expect((await log({ from: new Date(Date.now() - 60_000).toISOString() })).data.length).toBe((await log()).data.length);
    expect((await log({ action: "secret.created" })).data[0]!.target.label).toBe(`…${secretA.last4}`);

    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(t.db.prisma, actor, owner.workspaceId, {}, { limit: 2, cursor });
      ids.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual((await log()).data.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("members read it, others get 404; bad filters are 422 in the API", async () => {
    const owner = await ownerWithToken(t.db, "api-owner");
    const viewer = await createUser(t.db, "viewer");
    await upsertMembership(t.db.prisma, owner.workspaceId, viewer.userId, "viewer");
    await createWorkflow(t.db.prisma, { userId: owner.userId }, owner.workspaceId, { name: "Through the API" });
    await expect(listAuditEvents(t.db.prisma, { userId: viewer.userId }, owner.workspaceId, {}, { limit: 10 })).resolves.toBeDefined();
    const stranger = await createUser(t.db, "stranger");
    const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
    expect(await code(listAuditEvents(t.db.prisma, { userId: stranger.userId }, owner.workspaceId, {}, { limit: 10 }))).toBe("NOT_FOUND");

    const answer = await call(auditRoute.GET, "GET", "/api/v1/audit-events?action=workflow.created&limit=1", {}, { token: owner.token });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toHaveLength(1);
    expect(answer.json.data[0]).toMatchObject({ action: "workflow.created", description: "Workflow created", actor: { email: owner.email }, target: { type: "workflow", label: "Through the API" } });
    expect(answer.json.nextCursor).toBeNull();
    const bad = await call(auditRoute.GET, "GET", "/api/v1/audit-events?action=secret.stolen&from=yesterday", {}, { token: owner.token });
    expect(bad.status).toBe(422);
    expect(bad.json.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["action", "from"]);
  });
});
