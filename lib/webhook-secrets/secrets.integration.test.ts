// Zod errors are answered 422 (lib/errors/http.ts) like AppError VALIDATION_FAILED.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { listAuditEventRows } from "@/lib/audit/audit-repository";
import { signUp } from "@/lib/auth/sign-up";
import { AppError } from "@/lib/errors/app-error";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { loadActiveSecrets } from "./active-secrets";
import { createSecret } from "./create-secret";
import { listSecrets } from "./list-secrets";
import { revealSecret } from "./reveal-secret";
import { revokeSecret } from "./revoke-secret";

const keys = [{ id: "k1", key: randomBytes(32) }];
const db = useTestDatabase();
let owner: { userId: string };
let workspaceId: string;
let workflowId: string;

const user = async (label: string) => signUp(db.prisma, { email: `${label}-${randomBytes(4).toString("hex")}@example.com`, password: "correct horse battery" });
const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (error: unknown) => (error instanceof AppError ? error.code : error instanceof ZodError ? "VALIDATION_FAILED" : String(error)));

beforeAll(async () => {
  const created = await user("owner");
  owner = { userId: created.userId };
  workspaceId = created.workspaceId;
  workflowId = (await createWorkflow(db.prisma, owner, workspaceId, { name: "Secrets" })).id;
});

describe("secrets", () => {
  it("generates whsec_ and alphanumeric secrets, stores them encrypted, lists only last 4", async () => {
    const whsec = await createSecret(db.prisma, owner, workflowId, {}, { keys });
    expect(whsec.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(whsec.last4).toBe(whsec.secret.slice(-4));
    const alnum = await createSecret(db.prisma, owner, workflowId, { format: "alphanumeric", mode: "rotate" }, { keys });
    expect(alnum.secret).toMatch(/^[A-Za-z0-9]{20}$/);

    const row = await db.prisma.webhookSecret.findUniqueOrThrow({ where: { id: whsec.id } });
    expect(row.ciphertext).not.toContain(whsec.secret);
    expect(row.ciphertext.startsWith("v1.k1.")).toBe(true);

    const listed = await listSecrets(db.prisma, owner, workflowId);
    expect(listed.map((s) => s.id)).toEqual([alnum.id, whsec.id]);
    expect(JSON.stringify(listed)).not.toContain(whsec.secret);
    expect(JSON.stringify(listed)).not.toContain(alnum.secret);
    expect(listed.every((s) => s.active)).toBe(true);
  });

  it("validates pasted secrets: trimmed with a warning, refused below 64 bits, warned below 128; a refusal changes nothing", async () => {
    const wf = (await createWorkflow(db.prisma, owner, workspaceId, { name: "Paste" })).id;
    const pasted = await createSecret(db.prisma, owner, wf, { value: "Xk9pQ2mZ7rT4vB8nL1wE\n" }, { keys });
    expect(pasted.secret).toBe("Xk9pQ2mZ7rT4vB8nL1wE");
    expect(pasted.warnings.join(" ")).toMatch(/whitespace/);
    expect(pasted.warnings.join(" ")).toMatch(/bits of strength; at least 128 are recommended/);
    for (const weak of ["a".repeat(36), "password1234567890", "my-shared-secret"]) {
      const refused = await createSecret(db.prisma, owner, wf, { value: weak }, { keys }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: ["value"], message: expect.stringContaining("at least 64 are required") }] });
    }
    expect(await code(createSecret(db.prisma, owner, wf, { value: "short" }, { keys }))).toBe("VALIDATION_FAILED");
    expect(await code(createSecret(db.prisma, owner, wf, { value: "naïve-secret-value" }, { keys }))).toBe("VALIDATION_FAILED");
    expect(await code(createSecret(db.prisma, owner, wf, { value: "abcdefghijk", format: "whsec" }, { keys }))).toBe("VALIDATION_FAILED");
    expect((await listSecrets(db.prisma, owner, wf)).map((s) => s.id)).toEqual([pasted.id]);
    expect((await listSecrets(db.prisma, owner, wf))[0]!.active).toBe(true);
  });

  it("fits the scheme: Standard Webhooks refuses a pasted non-whsec secret with the rule, and an alphanumeric one", async () => {
    const wf = (await createWorkflow(db.prisma, owner, workspaceId, {
      name: "SW",
      definition: { trigger: { type: "webhook", hmac: { scheme: "standard-webhooks" } }, steps: [{ type: "form", id: "a", title: "A", fields: [] }] },
    })).id;
    const refused = await createSecret(db.prisma, owner, wf, { value: "my-super-long-company-secret-2026!" }, { keys }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: ["value"], message: expect.stringContaining("whsec_ followed by base64 of 24–64 bytes") }] });
    expect(await createSecret(db.prisma, owner, wf, { format: "alphanumeric" }, { keys }).catch((e: unknown) => e)).toMatchObject({ issues: [{ path: ["format"] }] });
    const generated = await createSecret(db.prisma, owner, wf, {}, { keys });
    expect(generated.secret).toMatch(/^whsec_/);
    expect(await listSecrets(db.prisma, owner, wf)).toHaveLength(1);
  });

  it("replace or rotate: replace while no live request verified with the others, rotate (72 h) afterwards; explicit modes win", async () => {
    const wf = (await createWorkflow(db.prisma, owner, workspaceId, { name: "Modes" })).id;
    const t0 = new Date("2026-04-01T08:00:00Z");
    const a = await createSecret(db.prisma, owner, wf, {}, { keys, now: t0 });
    const b = await createSecret(db.prisma, owner, wf, {}, { keys, now: t0 });
    expect(b).toMatchObject({ mode: "replace", revokedOthers: 1, expiredOthers: 0 });
    const states = async () => Object.fromEntries((await listSecrets(db.prisma, owner, wf, t0)).map((s) => [s.id, s]));
    expect((await states())[a.id]).toMatchObject({ active: false, revokedAt: t0 });

    // A live request verified with b: the default becomes rotate with a 72 h overlap.
    await db.prisma.webhookSecret.update({ where: { id: b.id }, data: { lastVerifiedAt: t0 } });
    const c = await createSecret(db.prisma, owner, wf, {}, { keys, now: t0 });
    expect(c).toMatchObject({ mode: "rotate", expiredOthers: 1, othersExpireAt: new Date(t0.getTime() + 72 * 3600_000) });
    expect((await states())[b.id]).toMatchObject({ active: true, expiresAt: new Date(t0.getTime() + 72 * 3600_000) });

    // Explicit replace revokes b and c now; expireOthersInSeconds alone rotates.
    const d = await createSecret(db.prisma, owner, wf, { mode: "replace" }, { keys, now: t0 });
    expect(d).toMatchObject({ mode: "replace", revokedOthers: 2 });
    const e = await createSecret(db.prisma, owner, wf, { expireOthersInSeconds: 600 }, { keys, now: t0 });
    expect(e).toMatchObject({ mode: "rotate", expiredOthers: 1 });
    expect(await code(createSecret(db.prisma, owner, wf, { mode: "replace", expireOthersInSeconds: 60 }, { keys, now: t0 }))).toBe("VALIDATION_FAILED");
    expect(await code(createSecret(db.prisma, owner, wf, { mode: "swap" }, { keys, now: t0 }))).toBe("VALIDATION_FAILED");
  });

  it("rotation expires the other active secrets at the chosen time; loadActiveSecrets honours expiry and revoke", async () => {
    const wf = (await createWorkflow(db.prisma, owner, workspaceId, { name: "Rotation" })).id;
    const t0 = new Date("2026-03-01T12:00:00Z");
    const a = await createSecret(db.prisma, owner, wf, {}, { keys, now: t0 });
    const b = await createSecret(db.prisma, owner, wf, { expireOthersInSeconds: 3600 }, { keys, now: t0 });
    expect(b.expiredOthers).toBe(1);
    const listed = await listSecrets(db.prisma, owner, wf, t0);
    expect(listed.find((s) => s.id === a.id)!.expiresAt).toEqual(new Date(t0.getTime() + 3600_000));
    expect(listed.find((s) => s.id === b.id)!.expiresAt).toBeNull();

    const ids = async (at: Date) => (await loadActiveSecrets(db.prisma, wf, at, keys)).map((s) => s.id).sort();
    expect(await ids(new Date(t0.getTime() + 3599_000))).toEqual([a.id, b.id].sort());
    expect(await ids(new Date(t0.getTime() + 3600_000))).toEqual([b.id]);
    const values = await loadActiveSecrets(db.prisma, wf, t0, keys);
    expect(values.find((s) => s.id === b.id)!.value).toBe(b.secret);

    // A later rotation never extends the life of a secret that already expires sooner.
    await createSecret(db.prisma, owner, wf, { expireOthersInSeconds: 72 * 3600 }, { keys, now: t0 });
    expect((await listSecrets(db.prisma, owner, wf, t0)).find((s) => s.id === a.id)!.expiresAt).toEqual(new Date(t0.getTime() + 3600_000));

    const revoked = await revokeSecret(db.prisma, owner, wf, b.id, t0);
    expect(revoked).toMatchObject({ active: false, revokedAt: t0 });
    expect(await ids(t0)).not.toContain(b.id);
    // Secrets the app keys can't decrypt are skipped rather than failing verification.
    expect(await loadActiveSecrets(db.prisma, wf, t0, [{ id: "k1", key: randomBytes(32) }])).toEqual([]);
  });

  it("reveal gives the value to editors only and is audited; nothing secret reaches the audit log", async () => {
    const created = await createSecret(db.prisma, owner, workflowId, {}, { keys });
    const revealed = await revealSecret(db.prisma, owner, workflowId, created.id, { keys });
    expect(revealed.secret).toBe(created.secret);
    await revokeSecret(db.prisma, owner, workflowId, created.id);
    const events = await listAuditEventRows(db.prisma, workspaceId);
    const actions = events.filter((e) => e.targetId === created.id).map((e) => e.action).sort();
    expect(actions).toEqual(["secret.created", "secret.revealed", "secret.revoked"]);
    expect(JSON.stringify(events)).not.toContain(created.secret);
  });

  it("authorisation: viewers can list but not create, reveal or revoke; strangers get 404", async () => {
    const viewer = await user("viewer");
    await upsertMembership(db.prisma, workspaceId, viewer.userId, "viewer");
    const actor = { userId: viewer.userId };
    const secret = await createSecret(db.prisma, owner, workflowId, {}, { keys });
    expect(await code(listSecrets(db.prisma, actor, workflowId))).toBe("resolved");
    expect(await code(createSecret(db.prisma, actor, workflowId, {}, { keys }))).toBe("FORBIDDEN");
    expect(await code(revealSecret(db.prisma, actor, workflowId, secret.id, { keys }))).toBe("FORBIDDEN");
    expect(await code(revokeSecret(db.prisma, actor, workflowId, secret.id))).toBe("FORBIDDEN");
    const stranger = { userId: (await user("stranger")).userId };
    expect(await code(listSecrets(db.prisma, stranger, workflowId))).toBe("NOT_FOUND");
    expect(await code(revealSecret(db.prisma, stranger, workflowId, secret.id, { keys }))).toBe("NOT_FOUND");
    expect(await code(listSecrets(db.prisma, null, workflowId))).toBe("UNAUTHENTICATED");
    // A secret id of another workflow is not found through this one.
    const other = (await createWorkflow(db.prisma, owner, workspaceId, { name: "Other" })).id;
    expect(await code(revokeSecret(db.prisma, owner, other, secret.id))).toBe("NOT_FOUND");
  });
});
