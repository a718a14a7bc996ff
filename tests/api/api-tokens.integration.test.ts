// API tokens: shown once and stored hashed, 401 without a valid one, revocable at once, acting
// with the user's current role and only inside the token's workspace.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticateBearer } from "@/lib/api-tokens/authenticate-bearer";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import * as workflows from "@/app/api/v1/workflows/route";
import { call, memberWithToken, ownerWithToken, setUpApiTestDb } from "./api-test-kit";

const t = setUpApiTestDb();
const list = (token?: string | null, headers?: Record<string, string>) => call(workflows.GET, "GET", "/api/v1/workflows", {}, { token, headers });

describe("API tokens", () => {
  it("are returned once with a sig_ prefix and stored only as a SHA-256 hash", async () => {
    const owner = await ownerWithToken(t.db);
    expect(owner.token).toMatch(/^sig_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: owner.tokenId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(owner.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(owner.token);
    expect(row.last4).toBe(owner.token.slice(-4));
    const listed = await listApiTokens(t.db.prisma, { userId: owner.userId }, owner.workspaceId);
    expect(listed).toHaveLength(1);
    expect(Object.keys(listed[0]!)).not.toContain("tokenHash");
    expect(JSON.stringify(listed)).not.toContain(owner.token);
  });

  it("answer 401 with a Bearer challenge when the token is missing, malformed or unknown", async () => {
    const missing = await list(null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="signet"');
    expect(missing.json).toMatchObject({ code: "unauthenticated" });

    const basic = await list(null, { authorization: "Basic dXNlcjpwYXNz" });
    expect(basic.status).toBe(401);

    const unknown = await list("sig_" + "A".repeat(43));
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(unknown.json).toEqual({ error: "The API token is invalid or revoked.", code: "invalid_token" });

    const garbage = await list("not-a-token");
    expect(garbage.status).toBe(401);
  });

  it("accept the scheme name in any case, as RFC 7235 says", async () => {
    const owner = await ownerWithToken(t.db);
    expect((await list(null, { authorization: `bearer ${owner.token}` })).status).toBe(200);
  });

  it("stop working the moment they are revoked", async () => {
    const owner = await ownerWithToken(t.db);
    expect((await list(owner.token)).status).toBe(200);
    await revokeApiToken(t.db.prisma, { userId: owner.userId }, owner.workspaceId, owner.tokenId);
    const after = await list(owner.token);
    expect(after.status).toBe(401);
    expect(after.json.code).toBe("invalid_token");
    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: owner.tokenId } });
    expect(row.revokedAt).toBeInstanceOf(Date);
  });

  it("record the last use at most once a minute", async () => {
    const owner = await ownerWithToken(t.db);
    const read = async () => (await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: owner.tokenId } })).lastUsedAt;
    expect(await read()).toBeNull();
    const t0 = new Date("2030-01-01T00:00:00Z");
    await authenticateBearer(t.db.prisma, `Bearer ${owner.token}`, t0);
    expect(await read()).toEqual(t0);
    await authenticateBearer(t.db.prisma, `Bearer ${owner.token}`, new Date(t0.getTime() + 30_000));
    expect(await read()).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await authenticateBearer(t.db.prisma, `Bearer ${owner.token}`, t2);
    expect(await read()).toEqual(t2);
  });

  it("act with the user's current role: a demoted editor's token can no longer write", async () => {
    const owner = await ownerWithToken(t.db);
    const editor = await memberWithToken(t.db, owner.workspaceId, "editor");
    const create = () => call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: editor.token, body: { name: "By editor" } });
    expect((await create()).status).toBe(201);
    await upsertMembership(t.db.prisma, owner.workspaceId, editor.userId, "viewer");
    const refused = await create();
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("forbidden");
  });

  it("die with the membership: a removed user's token is refused", async () => {
    const owner = await ownerWithToken(t.db);
    const editor = await memberWithToken(t.db, owner.workspaceId, "editor");
    expect((await list(editor.token)).status).toBe(200);
    await t.db.prisma.membership.delete({ where: { workspaceId_userId: { workspaceId: owner.workspaceId, userId: editor.userId } } });
    expect((await list(editor.token)).status).toBe(401);
  });

  it("are created by editors and owners only, and never by another token", async () => {
    const owner = await ownerWithToken(t.db);
    const viewer = await memberWithToken(t.db, owner.workspaceId, "viewer");
    await expect(createApiToken(t.db.prisma, { userId: viewer.userId }, owner.workspaceId, { name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const asToken = { userId: owner.userId, tokenId: owner.tokenId, workspaceId: owner.workspaceId };
    await expect(createApiToken(t.db.prisma, asToken, owner.workspaceId, { name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApiToken(t.db.prisma, { userId: owner.userId }, owner.workspaceId, { name: "  " })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("are revoked by their creator or an owner, not by another editor or another workspace", async () => {
    const owner = await ownerWithToken(t.db);
    const editorA = await memberWithToken(t.db, owner.workspaceId, "editor", "editor-a");
    const editorB = await memberWithToken(t.db, owner.workspaceId, "editor", "editor-b");
    const stranger = await ownerWithToken(t.db, "stranger");
    await expect(revokeApiToken(t.db.prisma, { userId: editorB.userId }, owner.workspaceId, editorA.tokenId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeApiToken(t.db.prisma, { userId: stranger.userId }, stranger.workspaceId, editorA.tokenId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeApiToken(t.db.prisma, { userId: stranger.userId }, owner.workspaceId, editorA.tokenId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const revoked = await revokeApiToken(t.db.prisma, { userId: owner.userId }, owner.workspaceId, editorA.tokenId);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    // Revoking again keeps the first time.
    const again = await revokeApiToken(t.db.prisma, { userId: editorA.userId }, owner.workspaceId, editorA.tokenId);
    expect(again.revokedAt).toEqual(revoked.revokedAt);
  });
});
