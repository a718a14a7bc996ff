// Every /api/v1 route: what it answers, a viewer token refused on writes (403), another
// workspace's ids answering 404, and malformed input answered plainly (400/413/415/422).
import { beforeAll, describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/v1/[...path]/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as sessionById from "@/app/api/v1/sessions/[id]/route";
import * as workflowById from "@/app/api/v1/workflows/[id]/route";
import * as detectedFields from "@/app/api/v1/workflows/[id]/detected-fields/route";
import * as publish from "@/app/api/v1/workflows/[id]/publish/route";
import * as revokeSecret from "@/app/api/v1/workflows/[id]/secrets/[secretId]/revoke/route";
import * as secrets from "@/app/api/v1/workflows/[id]/secrets/route";
import * as workflowSessions from "@/app/api/v1/workflows/[id]/sessions/route";
import * as workflows from "@/app/api/v1/workflows/route";
import { insertSession } from "@/lib/sessions/session-repository";
import { upsertFieldSightings } from "@/lib/field-detection/detected-field-repository";
import { call, memberWithToken, ownerWithToken, setUpApiTestDb } from "./api-test-kit";

const t = setUpApiTestDb();

type Who = { token: string; workspaceId: string; userId: string };
let owner: Who;
let viewer: Who;
let stranger: Who;

beforeAll(async () => {
  owner = await ownerWithToken(t.db, "owner");
  viewer = await memberWithToken(t.db, owner.workspaceId, "viewer");
  stranger = await ownerWithToken(t.db, "stranger");
});

const definition = {
  trigger: { type: "webhook", hmac: { enabled: false, scheme: "prefixed-hex" } },
  steps: [{ type: "form", id: "details", title: "Your details", fields: [{ key: "email", label: "Email", type: "email", required: true }] }],
  mapping: [{ from: "customer.email", to: "email" }],
};

async function createWorkflow(who: Who, body: unknown = { name: "Onboarding", definition }) {
  const res = await call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: who.token, body });
  expect(res.status).toBe(201);
  return res.json;
}

describe("workflows", () => {
  it("POST creates a workflow and returns its public URLs", async () => {
    const res = await call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: owner.token, body: { name: "Intake", definition } });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/workflows/${res.json.id}`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toMatchObject({
      name: "Intake",
      hookId: expect.stringMatching(/^hk_/),
      hookUrl: `http://localhost:3000/api/hooks/${res.json.hookId}`,
      testUrl: `http://localhost:3000/api/hooks/${res.json.hookId}?test=true`,
      directLinkUrl: `http://localhost:3000/w/${res.json.slug}`,
      draftRevision: 1,
      published: null,
      hasUnpublishedChanges: true,
    });
    expect(res.json.definition.mapping).toEqual([{ from: "customer.email", to: "email" }]);
  });

  it("POST without a definition starts from the default one", async () => {
    const created = await createWorkflow(owner, { name: "Plain" });
    expect(created.definition.steps[0].fields[0].key).toBe("email");
    expect(created.definition.trigger.hmac.enabled).toBe(false);
  });

  it("POST refuses an invalid definition with 422 and the zod issues path by path", async () => {
    const bad = { ...definition, steps: [{ type: "form", id: "Bad Id", title: "", fields: [{ key: "x", label: "X", type: "colour" }] }] };
    const res = await call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: owner.token, body: { name: "Bad", definition: bad } });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("invalid_definition");
    const paths = res.json.issues.map((i: { path: unknown[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["definition.steps.0.id", "definition.steps.0.title"]));
    expect(paths.some((p: string) => p.startsWith("definition.steps.0.fields.0"))).toBe(true);
    for (const issue of res.json.issues) expect(typeof issue.message).toBe("string");
  });

  it("POST refuses a missing name with 422 naming the field", async () => {
    const res = await call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: owner.token, body: {} });
    expect(res.status).toBe(422);
    expect(res.json.issues[0].path).toEqual(["name"]);
  });

  it("GET lists the token's workspace only, newest first, with cursor pagination", async () => {
    const mine = await call(workflows.GET, "GET", "/api/v1/workflows", {}, { token: stranger.token });
    expect(mine.status).toBe(200);
    const before = mine.json.data.length;
    const names = ["P1", "P2", "P3"];
    for (const name of names) await createWorkflow(stranger, { name });
    const first = await call(workflows.GET, "GET", "/api/v1/workflows?limit=2", {}, { token: stranger.token });
    expect(first.json.data.map((w: { name: string }) => w.name)).toEqual(["P3", "P2"]);
    expect(first.json.nextCursor).toBe(first.json.data[1].id);
    const second = await call(workflows.GET, "GET", `/api/v1/workflows?limit=2&cursor=${first.json.nextCursor}`, {}, { token: stranger.token });
    expect(second.json.data[0].name).toBe("P1");
    const all = await call(workflows.GET, "GET", "/api/v1/workflows?limit=100", {}, { token: stranger.token });
    expect(all.json.data).toHaveLength(before + 3);
    expect(all.json.nextCursor).toBeNull();
    // The owner's workflows are not in the stranger's list.
    expect(all.json.data.every((w: { name: string }) => ["P1", "P2", "P3"].includes(w.name))).toBe(true);
  });

  it("GET refuses a bad limit with 422 naming the parameter", async () => {
    for (const limit of ["0", "101", "abc", "1.5"]) {
      const res = await call(workflows.GET, "GET", `/api/v1/workflows?limit=${limit}`, {}, { token: owner.token });
      expect(res.status, limit).toBe(422);
      expect(res.json.issues[0].path).toEqual(["limit"]);
    }
  });

  it("GET /{id} returns draft and published; PATCH edits the draft only; publish returns the version", async () => {
    const created = await createWorkflow(owner);
    const id = created.id;
    const pub = await call(publish.POST, "POST", `/api/v1/workflows/${id}/publish`, { id }, { token: owner.token });
    expect(pub.status).toBe(200);
    expect(pub.json.version).toBe(1);

    const renamedDef = { ...definition, steps: [{ ...definition.steps[0], title: "Contact" }] };
    const patched = await call(workflowById.PATCH, "PATCH", `/api/v1/workflows/${id}`, { id }, { token: owner.token, body: { name: "Renamed", definition: renamedDef } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: "Renamed", draftRevision: 2, hasUnpublishedChanges: true });

    const read = await call(workflowById.GET, "GET", `/api/v1/workflows/${id}`, { id }, { token: owner.token });
    expect(read.status).toBe(200);
    expect(read.json.definition.steps[0].title).toBe("Contact");
    expect(read.json.published.version).toBe(1);
    expect(read.json.published.definition.steps[0].title).toBe("Your details");

    const again = await call(publish.POST, "POST", `/api/v1/workflows/${id}/publish`, { id }, { token: owner.token, body: {} });
    expect(again.json.version).toBe(2);
    const after = await call(workflowById.GET, "GET", `/api/v1/workflows/${id}`, { id }, { token: owner.token });
    expect(after.json).toMatchObject({ hasUnpublishedChanges: false, published: { version: 2 } });
  });

  it("PATCH with a stale expectedRevision is a 409 conflict, and an invalid definition a 422", async () => {
    const { id } = await createWorkflow(owner);
    const stale = await call(workflowById.PATCH, "PATCH", `/api/v1/workflows/${id}`, { id }, { token: owner.token, body: { name: "A", expectedRevision: 7 } });
    expect(stale.status).toBe(409);
    expect(stale.json.code).toBe("edit_conflict");
    const invalid = await call(workflowById.PATCH, "PATCH", `/api/v1/workflows/${id}`, { id }, { token: owner.token, body: { definition: { steps: [] } } });
    expect(invalid.status).toBe(422);
    expect(invalid.json.issues.every((i: { path: unknown[] }) => i.path[0] === "definition")).toBe(true);
  });

  it("publish refuses a step without fields with 422", async () => {
    const empty = { ...definition, mapping: [], steps: [{ type: "form", id: "empty", title: "Empty", fields: [] }] };
    const { id } = await createWorkflow(owner, { name: "Empty", definition: empty });
    const res = await call(publish.POST, "POST", `/api/v1/workflows/${id}/publish`, { id }, { token: owner.token });
    expect(res.status).toBe(422);
    expect(res.json.issues[0].path).toEqual(["definition", "steps", 0, "fields"]);
  });

  it("DELETE removes the workflow", async () => {
    const { id } = await createWorkflow(owner);
    const del = await call(workflowById.DELETE, "DELETE", `/api/v1/workflows/${id}`, { id }, { token: owner.token });
    expect(del.status).toBe(200);
    expect(del.json).toEqual({ id, deleted: true });
    const gone = await call(workflowById.GET, "GET", `/api/v1/workflows/${id}`, { id }, { token: owner.token });
    expect(gone.status).toBe(404);
  });
});

describe("secrets", () => {
  it("POST returns the value once; GET lists last 4 and dates; revoke stops it", async () => {
    const { id } = await createWorkflow(owner);
    const created = await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, { token: owner.token, body: {} });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    expect(created.json.last4).toBe(created.json.secret.slice(-4));

    const pasted = await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, {
      token: owner.token,
      body: { value: "a-pasted-secret-of-enough-length-1234567890", expireOthersInSeconds: 3600 },
    });
    expect(pasted.status).toBe(201);
    expect(pasted.json.expiredOthers).toBe(1);

    const listed = await call(secrets.GET, "GET", `/api/v1/workflows/${id}/secrets`, { id }, { token: owner.token });
    expect(listed.status).toBe(200);
    expect(listed.json.data).toHaveLength(2);
    for (const s of listed.json.data) expect(Object.keys(s).sort()).toEqual(["active", "createdAt", "expiresAt", "format", "id", "last4", "lastVerifiedAt", "revokedAt"]);
    expect(JSON.stringify(listed.json)).not.toContain(created.json.secret);
    const old = listed.json.data.find((s: { id: string }) => s.id === created.json.id);
    expect(old.expiresAt).not.toBeNull();

    const secretId = created.json.id;
    const revoked = await call(revokeSecret.POST, "POST", `/api/v1/workflows/${id}/secrets/${secretId}/revoke`, { id, secretId }, { token: owner.token });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ id: secretId, active: false, revokedAt: expect.any(String) });
  });

  it("refuses a bad pasted secret with 422 on `value`", async () => {
    const { id } = await createWorkflow(owner);
    const res = await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, { token: owner.token, body: { value: "short" } });
    expect(res.status).toBe(422);
    expect(res.json.issues[0].path).toEqual(["value"]);
  });

  it("revoking an unknown secret is a 404", async () => {
    const { id } = await createWorkflow(owner);
    const res = await call(revokeSecret.POST, "POST", `/api/v1/workflows/${id}/secrets/nope/revoke`, { id, secretId: "nope" }, { token: owner.token });
    expect(res.status).toBe(404);
  });
});

describe("sessions and detected fields", () => {
  it("list a workflow's sessions (filterable by test) and read one", async () => {
    const { id } = await createWorkflow(owner);
    await call(publish.POST, "POST", `/api/v1/workflows/${id}/publish`, { id }, { token: owner.token });
    const version = await t.db.prisma.workflowVersion.findFirstOrThrow({ where: { workflowId: id } });
    const live = await insertSession(t.db.prisma, { workflowId: id, versionId: version.id, token: "tok-live-" + id, test: false, source: "webhook", data: { email: "a@example.com" } });
    await insertSession(t.db.prisma, { workflowId: id, versionId: version.id, token: "tok-test-" + id, test: true, source: "webhook", data: { email: "t@example.com" } });

    const all = await call(workflowSessions.GET, "GET", `/api/v1/workflows/${id}/sessions`, { id }, { token: owner.token });
    expect(all.status).toBe(200);
    expect(all.json.data).toHaveLength(2);
    expect(all.json.nextCursor).toBeNull();
    const onlyTest = await call(workflowSessions.GET, "GET", `/api/v1/workflows/${id}/sessions?test=true`, { id }, { token: owner.token });
    expect(onlyTest.json.data.map((s: { test: boolean }) => s.test)).toEqual([true]);
    const badFilter = await call(workflowSessions.GET, "GET", `/api/v1/workflows/${id}/sessions?test=yes`, { id }, { token: owner.token });
    expect(badFilter.status).toBe(422);

    const one = await call(sessionById.GET, "GET", `/api/v1/sessions/${live.id}`, { id: live.id }, { token: viewer.token });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ id: live.id, status: "open", test: false, source: "webhook", data: { email: "a@example.com" } });
    expect(typeof one.json.createdAt).toBe("string");
    // The participant's capability token is never part of the API's answer.
    expect(JSON.stringify(one.json)).not.toContain("tok-live-");

    expect((await call(sessionById.GET, "GET", `/api/v1/sessions/${live.id}`, { id: live.id }, { token: stranger.token })).status).toBe(404);
    expect((await call(sessionById.GET, "GET", "/api/v1/sessions/missing", { id: "missing" }, { token: owner.token })).status).toBe(404);
  });

  it("list detected fields", async () => {
    const { id } = await createWorkflow(owner);
    await upsertFieldSightings(t.db.prisma, id, [{ path: "customer.email", type: "string", example: "a@example.com", seen: 1, lastSeenAt: new Date() }]);
    const res = await call(detectedFields.GET, "GET", `/api/v1/workflows/${id}/detected-fields`, { id }, { token: viewer.token });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([expect.objectContaining({ path: "customer.email", type: "string", example: "a@example.com", seenCount: 1 })]);
  });
});

describe("authorisation", () => {
  it("a viewer token reads everything but every write is 403", async () => {
    const { id } = await createWorkflow(owner);
    const secret = await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, { token: owner.token, body: {} });
    const secretId = secret.json.id;
    const token = viewer.token;
    const writes = [
      await call(workflows.POST, "POST", "/api/v1/workflows", {}, { token, body: { name: "No" } }),
      await call(workflowById.PATCH, "PATCH", `/api/v1/workflows/${id}`, { id }, { token, body: { name: "No" } }),
      await call(workflowById.DELETE, "DELETE", `/api/v1/workflows/${id}`, { id }, { token }),
      await call(publish.POST, "POST", `/api/v1/workflows/${id}/publish`, { id }, { token }),
      await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, { token, body: {} }),
      await call(revokeSecret.POST, "POST", `/api/v1/workflows/${id}/secrets/${secretId}/revoke`, { id, secretId }, { token }),
    ];
    expect(writes.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    for (const r of writes) expect(r.json.code).toBe("forbidden");

    const reads = [
      await call(workflows.GET, "GET", "/api/v1/workflows", {}, { token }),
      await call(workflowById.GET, "GET", `/api/v1/workflows/${id}`, { id }, { token }),
      await call(secrets.GET, "GET", `/api/v1/workflows/${id}/secrets`, { id }, { token }),
      await call(workflowSessions.GET, "GET", `/api/v1/workflows/${id}/sessions`, { id }, { token }),
      await call(detectedFields.GET, "GET", `/api/v1/workflows/${id}/detected-fields`, { id }, { token }),
    ];
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // Nothing changed.
    const still = await call(workflowById.GET, "GET", `/api/v1/workflows/${id}`, { id }, { token: owner.token });
    expect(still.json).toMatchObject({ name: "Onboarding", published: null });
  });

  it("another workspace's ids are 404 on every route, exactly like missing ones", async () => {
    const { id } = await createWorkflow(owner);
    const secret = await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, { token: owner.token, body: {} });
    const secretId = secret.json.id;
    const token = stranger.token;
    const results = [
      await call(workflowById.GET, "GET", `/api/v1/workflows/${id}`, { id }, { token }),
      await call(workflowById.PATCH, "PATCH", `/api/v1/workflows/${id}`, { id }, { token, body: { name: "Mine" } }),
      await call(workflowById.DELETE, "DELETE", `/api/v1/workflows/${id}`, { id }, { token }),
      await call(publish.POST, "POST", `/api/v1/workflows/${id}/publish`, { id }, { token }),
      await call(secrets.GET, "GET", `/api/v1/workflows/${id}/secrets`, { id }, { token }),
      await call(secrets.POST, "POST", `/api/v1/workflows/${id}/secrets`, { id }, { token, body: {} }),
      await call(revokeSecret.POST, "POST", `/api/v1/workflows/${id}/secrets/${secretId}/revoke`, { id, secretId }, { token }),
      await call(workflowSessions.GET, "GET", `/api/v1/workflows/${id}/sessions`, { id }, { token }),
      await call(detectedFields.GET, "GET", `/api/v1/workflows/${id}/detected-fields`, { id }, { token }),
    ];
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill(404));
    const missing = await call(workflowById.GET, "GET", "/api/v1/workflows/nope", { id: "nope" }, { token });
    for (const r of results) expect(r.json).toEqual(missing.json);
    const still = await call(workflowById.GET, "GET", `/api/v1/workflows/${id}`, { id }, { token: owner.token });
    expect(still.json.name).toBe("Onboarding");
  });

  it("a token is bound to its workspace even when its user belongs to another one too", async () => {
    // The owner is also an editor of the stranger's workspace; the owner's token still can't reach it.
    const { upsertMembership } = await import("@/lib/workspaces/membership-repository");
    await upsertMembership(t.db.prisma, stranger.workspaceId, owner.userId, "editor");
    const { id } = await createWorkflow(stranger, { name: "Stranger's" });
    const res = await call(workflowById.GET, "GET", `/api/v1/workflows/${id}`, { id }, { token: owner.token });
    expect(res.status).toBe(404);
  });
});

describe("malformed requests", () => {
  it("invalid JSON is 400, a non-JSON content type 415, an oversized body 413", async () => {
    const post = (opts: Parameters<typeof call>[4]) => call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: owner.token, ...opts });
    const invalid = await post({ rawBody: "{ name: ", headers: { "content-type": "application/json" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.code).toBe("invalid_json");
    const form = await post({ rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const huge = await post({ rawBody: JSON.stringify({ name: "x".repeat(1024 * 1024) }), headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);
    const notObject = await post({ body: ["name"] });
    expect(notObject.status).toBe(422);
  });

  it("the OpenAPI description is served without a token", async () => {
    const res = await openapi.GET();
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0].url).toBe("http://localhost:3000/api/v1");
  });

  it("an unknown /api/v1 path answers JSON 404", async () => {
    const res = await call(catchAll.GET, "GET", "/api/v1/nothing-here", { path: ["nothing-here"] });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe("not_found");
  });
});
