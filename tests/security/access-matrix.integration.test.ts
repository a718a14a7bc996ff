// Access matrix, part 1 (in process, on a real database): every /api/v1 route and method ×
// {anonymous, revoked token, member of another workspace, viewer, editor, owner}, and every
// server action × {anonymous, other workspace, viewer, editor, owner} through the lib
// function it calls with that actor. The expected table is written out here; a route file,
// method or action that the table does not name fails the inventory test, so new endpoints
// cannot dodge it. Pages are checked over HTTP in web-security.integration.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/v1/[...path]/route";
import * as auditEvents from "@/app/api/v1/audit-events/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as sessionById from "@/app/api/v1/sessions/[id]/route";
import * as endpointById from "@/app/api/v1/endpoints/[id]/route";
import * as endpointMessages from "@/app/api/v1/endpoints/[id]/messages/route";
import * as endpointRecover from "@/app/api/v1/endpoints/[id]/recover/route";
import * as endpointSecrets from "@/app/api/v1/endpoints/[id]/secrets/route";
import * as messageResend from "@/app/api/v1/messages/[id]/resend/route";
import * as workflowEndpoints from "@/app/api/v1/workflows/[id]/endpoints/route";
import * as deliveries from "@/app/api/v1/workflows/[id]/deliveries/route";
import * as detected from "@/app/api/v1/workflows/[id]/detected-fields/route";
import * as publish from "@/app/api/v1/workflows/[id]/publish/route";
import * as workflow from "@/app/api/v1/workflows/[id]/route";
import * as revoke from "@/app/api/v1/workflows/[id]/secrets/[secretId]/revoke/route";
import * as secrets from "@/app/api/v1/workflows/[id]/secrets/route";
import * as workflowSessions from "@/app/api/v1/workflows/[id]/sessions/route";
import * as sessionExport from "@/app/api/v1/workflows/[id]/sessions/export/route";
import * as workflows from "@/app/api/v1/workflows/route";
import * as hook from "@/app/api/hooks/[hookId]/route";
import * as sessionApi from "@/app/api/sessions/[token]/route";
import * as sessionApiStep from "@/app/api/sessions/[token]/steps/[stepId]/route";
import * as directLink from "@/app/w/[slug]/route";
import * as qrPng from "@/app/w/[slug]/qr.png/route";
import * as qrSvg from "@/app/w/[slug]/qr.svg/route";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import type { Actor } from "@/lib/auth/authorize";
import { signUp } from "@/lib/auth/sign-up";
import { toErrorResponse } from "@/lib/errors/http";
import { sendTestRequest } from "@/lib/delivery-log/send-test-request";
import { createSecret } from "@/lib/webhook-secrets/create-secret";
import { createEndpoint } from "@/lib/outbound-webhooks/create-endpoint";
import { deleteEndpoint } from "@/lib/outbound-webhooks/delete-endpoint";
import { recoverMessages } from "@/lib/outbound-webhooks/recover-messages";
import { resendMessage } from "@/lib/outbound-webhooks/resend-message";
import { rotateEndpointSecret } from "@/lib/outbound-webhooks/rotate-endpoint-secret";
import { updateEndpoint } from "@/lib/outbound-webhooks/update-endpoint";
import { revealSecret } from "@/lib/webhook-secrets/reveal-secret";
import { revokeSecret } from "@/lib/webhook-secrets/revoke-secret";
import { startDirectSession } from "@/lib/sessions/start-direct-session";
import { submitSessionStep } from "@/lib/sessions/submit-session-step";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { duplicateWorkflow } from "@/lib/workflows/duplicate-workflow";
import { getWorkflowView } from "@/lib/workflows/get-workflow-view";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { inviteMember } from "@/lib/workspaces/invite-member";
import { listPendingInvitations, revokeInvitation } from "@/lib/workspaces/manage-invitations";
import { listMembers, upsertMembership } from "@/lib/workspaces/membership-repository";
import { removeMember } from "@/lib/workspaces/remove-member";
import { call, memberWithToken, ownerWithToken, setUpApiTestDb, uniqueEmail } from "@/tests/api/api-test-kit";
import { TEST_KEYS } from "@/tests/inbound-webhooks/hook-test-kit";
import { appFiles, exportedActions, exportedMethods } from "./route-inventory";

const t = setUpApiTestDb();

type ApiActor = "anonymous" | "revoked" | "other" | "viewer" | "editor" | "owner";
type ActionActor = Exclude<ApiActor, "revoked">;
type Expect = number | "ok";

// --- The expected table ----------------------------------------------------------------------

/** A workspace-scoped read: members see it, everybody else learns nothing. */
const READ: Record<ApiActor, Expect> = { anonymous: 401, revoked: 401, other: 404, viewer: "ok", editor: "ok", owner: "ok" };
/** A write inside the workspace: editors and owners only. */
const WRITE: Record<ApiActor, Expect> = { anonymous: 401, revoked: 401, other: 404, viewer: 403, editor: "ok", owner: "ok" };
/** Public by design (documentation, unknown paths): the same for everyone. */
const same = (value: Expect): Record<ApiActor, Expect> => ({ anonymous: value, revoked: value, other: value, viewer: value, editor: value, owner: value });

const API_TABLE: Record<string, Record<string, Record<ApiActor, Expect>>> = {
  "app/api/v1/workflows/route.ts": {
    // "other" lists and creates in its own workspace: ok, and the list must not show ours.
    GET: { ...READ, other: "ok" },
    POST: { ...WRITE, other: "ok" },
  },
  "app/api/v1/workflows/[id]/route.ts": { GET: READ, PATCH: WRITE, DELETE: WRITE },
  "app/api/v1/workflows/[id]/publish/route.ts": { POST: WRITE },
  "app/api/v1/workflows/[id]/secrets/route.ts": { GET: READ, POST: WRITE },
  "app/api/v1/workflows/[id]/secrets/[secretId]/revoke/route.ts": { POST: WRITE },
  "app/api/v1/workflows/[id]/sessions/route.ts": { GET: READ },
  "app/api/v1/workflows/[id]/sessions/export/route.ts": { GET: READ },
  // "other" reads its own workspace's log: ok, and it must not show ours.
  "app/api/v1/audit-events/route.ts": { GET: { ...READ, other: "ok" } },
  "app/api/v1/workflows/[id]/deliveries/route.ts": { GET: READ },
  "app/api/v1/workflows/[id]/detected-fields/route.ts": { GET: READ },
  "app/api/v1/sessions/[id]/route.ts": { GET: READ },
  "app/api/v1/workflows/[id]/endpoints/route.ts": { GET: READ, POST: WRITE },
  "app/api/v1/endpoints/[id]/route.ts": { GET: READ, PATCH: WRITE, DELETE: WRITE },
  "app/api/v1/endpoints/[id]/secrets/route.ts": { POST: WRITE },
  "app/api/v1/endpoints/[id]/messages/route.ts": { GET: READ },
  "app/api/v1/endpoints/[id]/recover/route.ts": { POST: WRITE },
  "app/api/v1/messages/[id]/resend/route.ts": { POST: WRITE },
  "app/api/v1/openapi.json/route.ts": { GET: same("ok") },
  "app/api/v1/[...path]/route.ts": { GET: same(404), POST: same(404), PUT: same(404), PATCH: same(404), DELETE: same(404) },
};

/**
 * Routes that take no token at all. Their own guard is checked here once: the webhook needs a
 * valid signature (401 unsigned), the direct link and QR work only while HMAC is off, and
 * Auth.js's endpoints are exercised over HTTP in web-security.integration.test.ts.
 */
const PUBLIC_ROUTES: Record<string, string[]> = {
  "app/api/hooks/[hookId]/route.ts": ["POST", "GET", "PUT", "PATCH", "DELETE"],
  "app/w/[slug]/route.ts": ["GET"],
  // The session API: the session token in the path is the capability (like /s/{token}).
  "app/api/sessions/[token]/route.ts": ["GET", "OPTIONS"],
  "app/api/sessions/[token]/steps/[stepId]/route.ts": ["POST", "OPTIONS"],
  "app/w/[slug]/qr.png/route.ts": ["GET"],
  "app/w/[slug]/qr.svg/route.ts": ["GET"],
  "app/api/auth/[...nextauth]/route.ts": ["GET", "POST"],
  // The management API's reference: public documentation, like /api/v1/openapi.json.
  "app/docs/api/route.ts": ["GET"],
  "app/docs/api/scalar.js/route.ts": ["GET"],
};

/**
 * Routes for the signed-in browser (Auth.js session cookie, no token): their actor × outcome
 * table is checked over HTTP in web-security.integration.test.ts, next to the pages.
 */
const BROWSER_ROUTES: Record<string, string[]> = {
  "app/workspaces/[workspaceId]/workflows/[workflowId]/sessions/export/route.ts": ["GET"],
};

/** Server actions: the permission each needs; "public" ones are the auth forms and session capability. */
const ACTION_TABLE: Record<string, Record<string, "signed-in" | "edit" | "own" | "public">> = {
  "app/(auth)/actions.ts": { signInAction: "public", signOutAction: "public", signUpAction: "public" },
  "app/account/actions.ts": { changePasswordAction: "signed-in" },
  "app/invitations/actions.ts": { acceptInvitationAction: "signed-in", declineInvitationAction: "signed-in" },
  "app/workspaces/[workspaceId]/members/actions.ts": { inviteMemberAction: "own", removeMemberAction: "own", revokeInvitationAction: "own" },
  "app/workspaces/[workspaceId]/settings/tokens/actions.ts": { createApiTokenAction: "edit", revokeApiTokenAction: "edit" },
  "app/workspaces/[workspaceId]/workflows/actions.ts": { createWorkflowAction: "edit", deleteWorkflowAction: "edit", duplicateWorkflowAction: "edit", renameWorkflowAction: "edit" },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/actions.ts": { publishAction: "edit", saveDraftAction: "edit" },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/webhook/actions.ts": {
    createSecretAction: "edit", previewSignatureAction: "signed-in", revealSecretAction: "edit", revokeSecretAction: "edit", sendTestRequestAction: "edit",
  },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/completion/actions.ts": {
    createEndpointAction: "edit", deleteEndpointAction: "edit", recoverMessagesAction: "edit", resendMessageAction: "edit", rotateEndpointSecretAction: "edit", updateEndpointAction: "edit",
  },
};

const EXPECT_FOR: Record<"signed-in" | "edit" | "own", Record<ActionActor, Expect>> = {
  "signed-in": { anonymous: 401, other: "ok", viewer: "ok", editor: "ok", owner: "ok" },
  edit: { anonymous: 401, other: 404, viewer: 403, editor: "ok", owner: "ok" },
  own: { anonymous: 401, other: 404, viewer: 403, editor: 403, owner: "ok" },
};

// --- Inventory: the table covers exactly what exists ------------------------------------------

describe("route inventory", () => {
  it("every route.ts and every exported method is in the API table or the public list", () => {
    const covered = {
      ...Object.fromEntries(Object.entries(API_TABLE).map(([f, m]) => [f, Object.keys(m).sort()])),
      ...Object.fromEntries(Object.entries(PUBLIC_ROUTES).map(([f, m]) => [f, [...m].sort()])),
      ...Object.fromEntries(Object.entries(BROWSER_ROUTES).map(([f, m]) => [f, [...m].sort()])),
    };
    const onDisk = Object.fromEntries(appFiles("route.ts").map((f) => [f, exportedMethods(f).sort()]));
    expect(onDisk).toEqual(covered);
  });

  it("every actions.ts and every exported action is in the action table", () => {
    const onDisk = Object.fromEntries(appFiles("actions.ts").map((f) => [f, exportedActions(f)]));
    expect(onDisk).toEqual(Object.fromEntries(Object.entries(ACTION_TABLE).map(([f, a]) => [f, Object.keys(a).sort()])));
  });
});

// --- Fixtures ---------------------------------------------------------------------------------

let workspaceId: string;
let tokens: Record<ApiActor, string | null>;
let actors: Record<ActionActor, Actor | null>;
let owner: Actor;

/** A fresh published workflow of ours with one secret and one session, so a destructive cell never affects another. */
async function fixture(hmac = true) {
  const created = await createWorkflow(t.db.prisma, owner, workspaceId, {
    name: "Access",
    definition: { trigger: { type: "webhook", hmac: { enabled: hmac, scheme: "prefixed-hex" } }, steps: [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "name", label: "Name" }] }], mapping: [] },
  });
  const secret = await createSecret(t.db.prisma, owner, created.id, {}, { keys: TEST_KEYS });
  await publishWorkflow(t.db.prisma, owner, created.id);
  const other = await createWorkflow(t.db.prisma, owner, workspaceId, { name: "Sessions" });
  await publishWorkflow(t.db.prisma, owner, other.id);
  // An endpoint on the sessions' workflow, so the new session writes a message to it.
  const { endpoint } = await createEndpoint(t.db.prisma, owner, other.id, { url: "https://receiver.example.com/hooks", events: ["session.started"] }, { keys: TEST_KEYS });
  const session = await startDirectSession(t.db.prisma, other.slug);
  const message = await t.db.prisma.outboundMessage.findFirstOrThrow({ where: { sessionId: session.id }, select: { id: true } });
  return {
    id: created.id,
    slug: created.slug,
    hookId: created.hookId,
    revision: created.draftRevision,
    secretId: secret.id,
    sessionId: session.id,
    sessionToken: session.token,
    endpointId: endpoint.id,
    messageId: message.id,
  };
}

beforeAll(async () => {
  const o = await ownerWithToken(t.db, "owner");
  workspaceId = o.workspaceId;
  owner = { userId: o.userId };
  const viewer = await memberWithToken(t.db, workspaceId, "viewer");
  const editor = await memberWithToken(t.db, workspaceId, "editor");
  const revoked = await memberWithToken(t.db, workspaceId, "editor", "revoked");
  await revokeApiToken(t.db.prisma, owner, workspaceId, revoked.tokenId);
  const other = await ownerWithToken(t.db, "other");
  tokens = { anonymous: null, revoked: revoked.token, other: other.token, viewer: viewer.token, editor: editor.token, owner: o.token };
  actors = { anonymous: null, other: { userId: other.userId }, viewer: { userId: viewer.userId }, editor: { userId: editor.userId }, owner };
});

function matches(status: number, expected: Expect): boolean {
  return expected === "ok" ? status >= 200 && status < 300 : status === expected;
}

// --- API matrix -------------------------------------------------------------------------------

type Fixture = Awaited<ReturnType<typeof fixture>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route module has its own params type
type AnyHandler = (request: Request, context: { params: Promise<any> }) => Response | Promise<Response>;
const API_CALLS: Record<string, Record<string, (f: Fixture) => { handler: AnyHandler; path: string; params: object; body?: unknown }>> = {
  "app/api/v1/workflows/route.ts": {
    GET: () => ({ handler: workflows.GET, path: "/api/v1/workflows", params: {} }),
    POST: () => ({ handler: workflows.POST, path: "/api/v1/workflows", params: {}, body: { name: "New" } }),
  },
  "app/api/v1/workflows/[id]/route.ts": {
    GET: (f) => ({ handler: workflow.GET, path: `/api/v1/workflows/${f.id}`, params: { id: f.id } }),
    PATCH: (f) => ({ handler: workflow.PATCH, path: `/api/v1/workflows/${f.id}`, params: { id: f.id }, body: { name: "Renamed" } }),
    DELETE: (f) => ({ handler: workflow.DELETE, path: `/api/v1/workflows/${f.id}`, params: { id: f.id } }),
  },
  "app/api/v1/workflows/[id]/publish/route.ts": { POST: (f) => ({ handler: publish.POST, path: `/api/v1/workflows/${f.id}/publish`, params: { id: f.id }, body: {} }) },
  "app/api/v1/workflows/[id]/secrets/route.ts": {
    GET: (f) => ({ handler: secrets.GET, path: `/api/v1/workflows/${f.id}/secrets`, params: { id: f.id } }),
    POST: (f) => ({ handler: secrets.POST, path: `/api/v1/workflows/${f.id}/secrets`, params: { id: f.id }, body: {} }),
  },
  "app/api/v1/workflows/[id]/secrets/[secretId]/revoke/route.ts": {
    POST: (f) => ({ handler: revoke.POST, path: `/api/v1/workflows/${f.id}/secrets/${f.secretId}/revoke`, params: { id: f.id, secretId: f.secretId } }),
  },
  "app/api/v1/workflows/[id]/sessions/route.ts": { GET: (f) => ({ handler: workflowSessions.GET, path: `/api/v1/workflows/${f.id}/sessions`, params: { id: f.id } }) },
  "app/api/v1/workflows/[id]/sessions/export/route.ts": {
    GET: (f) => ({ handler: sessionExport.GET, path: `/api/v1/workflows/${f.id}/sessions/export?format=ndjson`, params: { id: f.id } }),
  },
  "app/api/v1/audit-events/route.ts": { GET: () => ({ handler: auditEvents.GET as AnyHandler, path: "/api/v1/audit-events", params: {} }) },
  "app/api/v1/workflows/[id]/deliveries/route.ts": { GET: (f) => ({ handler: deliveries.GET, path: `/api/v1/workflows/${f.id}/deliveries`, params: { id: f.id } }) },
  "app/api/v1/workflows/[id]/detected-fields/route.ts": { GET: (f) => ({ handler: detected.GET, path: `/api/v1/workflows/${f.id}/detected-fields`, params: { id: f.id } }) },
  "app/api/v1/sessions/[id]/route.ts": { GET: (f) => ({ handler: sessionById.GET, path: `/api/v1/sessions/${f.sessionId}`, params: { id: f.sessionId } }) },
  "app/api/v1/workflows/[id]/endpoints/route.ts": {
    GET: (f) => ({ handler: workflowEndpoints.GET, path: `/api/v1/workflows/${f.id}/endpoints`, params: { id: f.id } }),
    POST: (f) => ({ handler: workflowEndpoints.POST, path: `/api/v1/workflows/${f.id}/endpoints`, params: { id: f.id }, body: { url: "https://receiver.example.com/new" } }),
  },
  "app/api/v1/endpoints/[id]/route.ts": {
    GET: (f) => ({ handler: endpointById.GET, path: `/api/v1/endpoints/${f.endpointId}`, params: { id: f.endpointId } }),
    PATCH: (f) => ({ handler: endpointById.PATCH, path: `/api/v1/endpoints/${f.endpointId}`, params: { id: f.endpointId }, body: { description: "Changed" } }),
    DELETE: (f) => ({ handler: endpointById.DELETE, path: `/api/v1/endpoints/${f.endpointId}`, params: { id: f.endpointId } }),
  },
  "app/api/v1/endpoints/[id]/secrets/route.ts": {
    POST: (f) => ({ handler: endpointSecrets.POST, path: `/api/v1/endpoints/${f.endpointId}/secrets`, params: { id: f.endpointId }, body: {} }),
  },
  "app/api/v1/endpoints/[id]/messages/route.ts": {
    GET: (f) => ({ handler: endpointMessages.GET, path: `/api/v1/endpoints/${f.endpointId}/messages`, params: { id: f.endpointId } }),
  },
  "app/api/v1/endpoints/[id]/recover/route.ts": {
    POST: (f) => ({ handler: endpointRecover.POST, path: `/api/v1/endpoints/${f.endpointId}/recover`, params: { id: f.endpointId }, body: { since: "2026-01-01T00:00:00Z" } }),
  },
  "app/api/v1/messages/[id]/resend/route.ts": {
    POST: (f) => ({ handler: messageResend.POST, path: `/api/v1/messages/${f.messageId}/resend`, params: { id: f.messageId } }),
  },
  "app/api/v1/openapi.json/route.ts": { GET: () => ({ handler: openapi.GET as AnyHandler, path: "/api/v1/openapi.json", params: {} }) },
  "app/api/v1/[...path]/route.ts": Object.fromEntries(
    (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((m) => [m, () => ({ handler: catchAll[m] as AnyHandler, path: "/api/v1/nope", params: { path: ["nope"] } })]),
  ),
};

describe("API routes × actors", () => {
  for (const [file, methods] of Object.entries(API_TABLE)) {
    for (const [method, row] of Object.entries(methods)) {
      it(`${method} ${file.replace(/^app|\/route\.ts$/g, "")}`, async () => {
        const results: string[] = [];
        for (const actor of Object.keys(row) as ApiActor[]) {
          const f = await fixture();
          const c = API_CALLS[file]![method]!(f);
          const result = await call(c.handler, method, c.path, c.params, { token: tokens[actor], body: c.body });
          results.push(`${actor}: ${matches(result.status, row[actor]) ? "as expected" : `got ${result.status}, expected ${row[actor]}`}`);
          if (file === "app/api/v1/workflows/route.ts" && method === "GET" && result.status === 200) {
            const ids = (result.json.data as { id: string }[]).map((w) => w.id);
            expect(ids.includes(f.id), `${actor} listing`).toBe(actor !== "other");
          }
          if (file === "app/api/v1/audit-events/route.ts" && result.status === 200) {
            // The fixture's publish is audited in our workspace only.
            const targets = (result.json.data as { target: { id: string } }[]).map((e) => e.target.id);
            expect(targets.includes(f.id), `${actor} audit log`).toBe(actor !== "other");
          }
        }
        expect(results).toEqual(Object.keys(row).map((a) => `${a}: as expected`));
      });
    }
  }

  it("public routes keep their own guard: unsigned webhook 401, direct link and QR only while HMAC is off", async () => {
    const signed = await fixture(true);
    const unsigned = await hook.POST(new Request(`http://localhost:3000/api/hooks/${signed.hookId}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), { params: Promise.resolve({ hookId: signed.hookId }) });
    expect(unsigned.status).toBe(401);
    const params = { params: Promise.resolve({ slug: signed.slug }) };
    const req = () => new Request(`http://localhost:3000/w/${signed.slug}`);
    expect((await qrPng.GET(req(), params)).status).toBeGreaterThanOrEqual(400);
    expect((await qrSvg.GET(req(), params)).status).toBeGreaterThanOrEqual(400);
    expect((await directLink.GET(req(), params)).status).not.toBe(303);
    const open = await fixture(false);
    const openParams = { params: Promise.resolve({ slug: open.slug }) };
    expect((await qrSvg.GET(req(), openParams)).status).toBe(200);
    expect((await qrPng.GET(req(), openParams)).status).toBe(200);
    expect([302, 303, 307]).toContain((await directLink.GET(req(), openParams)).status);

    // The session API answers a session's own token, whatever API token is sent, and 404 to a guessed one.
    const guessed = `${open.sessionToken.slice(0, -2)}xx`;
    for (const [token, expected] of [[open.sessionToken, 200], [guessed, 404]] as const) {
      expect((await call(sessionApi.GET, "GET", `/api/sessions/${token}`, { token })).status).toBe(expected);
    }
    const step = (token: string) => call(sessionApiStep.POST, "POST", `/api/sessions/${token}/steps/details`, { token, stepId: "details" }, { body: { answers: { email: "ada@example.com" } } });
    expect((await step(guessed)).status).toBe(404);
    expect((await step(open.sessionToken)).status).toBe(200);
  });
});

// --- Server actions matrix --------------------------------------------------------------------

const ACTION_CALLS: Record<string, (actor: Actor | null, f: Fixture) => Promise<unknown>> = {
  inviteMemberAction: async (a) => {
    const invitee = await signUp(t.db.prisma, { email: uniqueEmail("invitee"), password: "correct horse battery" });
    return inviteMember(t.db.prisma, a, workspaceId, { email: invitee.email, role: "viewer" });
  },
  revokeInvitationAction: async (a) => {
    const invited = uniqueEmail("invited");
    await inviteMember(t.db.prisma, owner, workspaceId, { email: invited, role: "viewer" });
    const invitation = (await listPendingInvitations(t.db.prisma, owner, workspaceId)).find((i) => i.email === invited)!;
    return revokeInvitation(t.db.prisma, a, workspaceId, invitation.id);
  },
  removeMemberAction: async (a) => {
    const member = await signUp(t.db.prisma, { email: uniqueEmail("member"), password: "correct horse battery" });
    await upsertMembership(t.db.prisma, workspaceId, member.userId, "viewer");
    const row = (await listMembers(t.db.prisma, workspaceId)).find((m) => m.user.id === member.userId)!;
    return removeMember(t.db.prisma, a, workspaceId, row.id);
  },
  createApiTokenAction: (a) => createApiToken(t.db.prisma, a, workspaceId, { name: "matrix" }),
  // Editors revoke their own tokens (owners anyone's; that rule has its own test below).
  revokeApiTokenAction: async (a) => {
    const victim = await createApiToken(t.db.prisma, a && a !== actors.viewer ? a : owner, workspaceId, { name: "victim" });
    return revokeApiToken(t.db.prisma, a, workspaceId, victim.id);
  },
  createWorkflowAction: (a) => createWorkflow(t.db.prisma, a, workspaceId, { name: "By action" }),
  deleteWorkflowAction: (a, f) => deleteWorkflow(t.db.prisma, a, f.id),
  duplicateWorkflowAction: (a, f) => duplicateWorkflow(t.db.prisma, a, f.id),
  renameWorkflowAction: (a, f) => updateWorkflow(t.db.prisma, a, f.id, { name: "Renamed" }),
  saveDraftAction: (a, f) => updateWorkflow(t.db.prisma, a, f.id, { name: "Draft", expectedRevision: f.revision }),
  publishAction: (a, f) => publishWorkflow(t.db.prisma, a, f.id),
  createSecretAction: (a, f) => createSecret(t.db.prisma, a, f.id, {}, { keys: TEST_KEYS }),
  revealSecretAction: (a, f) => revealSecret(t.db.prisma, a, f.id, f.secretId, { keys: TEST_KEYS }),
  revokeSecretAction: (a, f) => revokeSecret(t.db.prisma, a, f.id, f.secretId),
  createEndpointAction: (a, f) => createEndpoint(t.db.prisma, a, f.id, { url: "https://receiver.example.com/ui" }, { keys: TEST_KEYS }),
  updateEndpointAction: (a, f) => updateEndpoint(t.db.prisma, a, f.endpointId, { enabled: false }),
  deleteEndpointAction: (a, f) => deleteEndpoint(t.db.prisma, a, f.endpointId),
  rotateEndpointSecretAction: (a, f) => rotateEndpointSecret(t.db.prisma, a, f.endpointId, {}, { keys: TEST_KEYS }),
  resendMessageAction: (a, f) => resendMessage(t.db.prisma, a, f.messageId),
  recoverMessagesAction: (a, f) => recoverMessages(t.db.prisma, a, f.endpointId, { since: "2026-01-01T00:00:00Z" }),
  sendTestRequestAction: (a, f) =>
    sendTestRequest(t.db.prisma, a, f.id, { body: "{}" }, { keys: TEST_KEYS, publicUrl: "http://localhost:3000", fetch: async () => Response.json({ sessionId: "x" }, { status: 201 }) }),
};

async function outcome(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
    return 200;
  } catch (error) {
    return toErrorResponse(error).status;
  }
}

describe("server actions × actors (through the lib function each action calls)", () => {
  for (const [file, actions] of Object.entries(ACTION_TABLE)) {
    for (const [action, permission] of Object.entries(actions)) {
      if (permission === "public" || permission === "signed-in") continue;
      it(`${action} (${file.replace(/^app\/|\/actions\.ts$/g, "")}) needs ${permission}`, async () => {
        const row = EXPECT_FOR[permission];
        const results: string[] = [];
        for (const actor of Object.keys(row) as ActionActor[]) {
          const f = await fixture();
          const status = await outcome(() => ACTION_CALLS[action]!(actors[actor], f));
          results.push(`${actor}: ${matches(status, row[actor]) ? "as expected" : `got ${status}, expected ${row[actor]}`}`);
        }
        expect(results).toEqual(Object.keys(row).map((a) => `${a}: as expected`));
      });
    }
  }

  it("an editor cannot revoke the owner's token; the owner can revoke an editor's", async () => {
    const ownersToken = await createApiToken(t.db.prisma, owner, workspaceId, { name: "owner's" });
    expect(await outcome(() => revokeApiToken(t.db.prisma, actors.editor, workspaceId, ownersToken.id))).toBe(403);
    const editorsToken = await createApiToken(t.db.prisma, actors.editor, workspaceId, { name: "editor's" });
    expect(await outcome(() => revokeApiToken(t.db.prisma, owner, workspaceId, editorsToken.id))).toBe(200);
  });

  it("every non-public action has a call in this matrix", () => {
    const needed = Object.values(ACTION_TABLE).flatMap((a) => Object.entries(a).filter(([, p]) => p === "edit" || p === "own").map(([n]) => n));
    expect(needed.filter((n) => !ACTION_CALLS[n])).toEqual([]);
  });

  it("the session capability: a session's own token submits, a guessed one is 404", async () => {
    const f = await fixture();
    expect(await outcome(() => submitSessionStep(t.db.prisma, f.sessionToken, 0, { name: "Ada" }))).toBe(200);
    expect(await outcome(() => submitSessionStep(t.db.prisma, `${f.sessionToken.slice(0, -2)}xx`, 0, { name: "Ada" }))).toBe(404);
  });

  it("sign-up is public and cannot be used to join someone's workspace", async () => {
    const user = await signUp(t.db.prisma, { email: uniqueEmail("public"), password: "correct horse battery" });
    expect(user.workspaceId).not.toBe(workspaceId);
    expect(await outcome(() => getWorkflowView(t.db.prisma, { userId: user.userId }, "nope", "http://x"))).toBe(404);
  });
});
