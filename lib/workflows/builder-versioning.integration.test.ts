// Draft vs published, as the builder sees it: edits touch only the draft, Publish snapshots
// an immutable version, the view reports "unpublished changes" and the direct-link state of
// the *published* version, and two builders saving from the same revision get a conflict.
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/auth/sign-up";
import { createSecret } from "@/lib/webhook-secrets/create-secret";
import { AppError } from "@/lib/errors/app-error";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { directLinkState, startDirectSession } from "@/lib/sessions/start-direct-session";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { createWorkflow } from "./create-workflow";
import type { TWorkflowDefinitionInput } from "./definition";
import { getWorkflowView } from "./get-workflow-view";
import { publishWorkflow } from "./publish-workflow";
import { updateWorkflow } from "./update-workflow";

const PUBLIC_URL = "https://signet.example.com";
const t = useTestDatabase();

let n = 0;
async function owner() {
  const user = await signUp(t.prisma, { email: `builder-${++n}-${Date.now()}@example.com`, password: "correct horse battery staple" });
  return { actor: { userId: user.userId }, workspaceId: user.workspaceId };
}

const twoSteps = (title = "About you"): TWorkflowDefinitionInput => ({
  trigger: { type: "webhook" },
  steps: [
    { type: "form", id: "about", title, fields: [{ type: "text", key: "name", label: "Name", required: true }] },
    { type: "form", id: "contact", title: "Contact", fields: [{ type: "email", key: "email", label: "Email" }] },
  ],
  mapping: [{ from: "customer.email", to: "email" }],
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("publish and versioning", () => {
  it("keeps the live version unchanged until Publish, then snapshots the next immutable version", async () => {
    const { actor, workspaceId } = await owner();
    const wf = await createWorkflow(t.prisma, actor, workspaceId, { name: "Onboarding", definition: twoSteps() });

    let view = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(view.live).toBeNull();
    expect(view.hasUnpublishedChanges).toBe(true);
    expect(view.directLink).toEqual({ kind: "unpublished" });
    expect(await directLinkState(t.prisma, wf.slug)).toBe("not_found");

    expect(await publishWorkflow(t.prisma, actor, wf.id, { expectedRevision: view.draftRevision })).toMatchObject({ version: 1 });
    view = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(view.live?.version).toBe(1);
    expect(view.hasUnpublishedChanges).toBe(false);
    expect(view.directLink).toEqual({ kind: "live" });
    expect(view.urls.directLinkUrl).toBe(`${PUBLIC_URL}/w/${wf.slug}`);

    // Edit the draft: the live version and the sessions it starts keep the old form.
    await updateWorkflow(t.prisma, actor, wf.id, { definition: twoSteps("Who are you?"), expectedRevision: view.draftRevision });
    view = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(view.hasUnpublishedChanges).toBe(true);
    expect(view.draft.steps[0]!.title).toBe("Who are you?");
    expect(view.live?.definition.steps[0]!.title).toBe("About you");
    const v1Session = await startDirectSession(t.prisma, wf.slug);

    expect(await publishWorkflow(t.prisma, actor, wf.id, { expectedRevision: view.draftRevision })).toMatchObject({ version: 2 });
    view = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(view.live?.version).toBe(2);
    expect(view.hasUnpublishedChanges).toBe(false);

    const versions = await t.prisma.workflowVersion.findMany({ where: { workflowId: wf.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect((versions[0]!.definition as { steps: { title: string }[] }).steps[0]!.title).toBe("About you");
    const session = await t.prisma.session.findUniqueOrThrow({ where: { id: v1Session.id }, select: { versionId: true } });
    expect(session.versionId).toBe(versions[0]!.id);

    const audit = await t.prisma.auditEvent.findMany({ where: { targetId: wf.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["workflow.created", "workflow.published", "workflow.published"]);
  });

  it("follows only the published version for HMAC: the direct link works until Publish, then refuses", async () => {
    const { actor, workspaceId } = await owner();
    const wf = await createWorkflow(t.prisma, actor, workspaceId, { name: "Signed", definition: twoSteps() });
    await publishWorkflow(t.prisma, actor, wf.id);

    const hmacOn = { ...twoSteps(), trigger: { type: "webhook" as const, hmac: { scheme: "prefixed-hex" as const, enabled: true } } };
    await updateWorkflow(t.prisma, actor, wf.id, { definition: hmacOn });
    let view = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(view.draft.trigger.hmac.enabled).toBe(true);
    expect(view.directLink).toEqual({ kind: "live" });
    expect(await directLinkState(t.prisma, wf.slug)).toBe("live");
    await expect(startDirectSession(t.prisma, wf.slug)).resolves.toMatchObject({ test: false });

    // HMAC on without a secret would refuse every request: publishing is refused until one exists.
    const refused = await rejection(publishWorkflow(t.prisma, actor, wf.id));
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED", reason: "no_fitting_secret", message: expect.stringContaining("no active secret") });
    await createSecret(t.prisma, actor, wf.id, {}, { keys: [{ id: "k", key: randomBytes(32) }] });
    await publishWorkflow(t.prisma, actor, wf.id);
    view = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(view.directLink).toEqual({ kind: "hmac_required" });
    expect(await directLinkState(t.prisma, wf.slug)).toBe("hmac_required");
    expect((await rejection(startDirectSession(t.prisma, wf.slug))).code).toBe("HMAC_REQUIRED");
    const actions = (await t.prisma.auditEvent.findMany({ where: { targetId: wf.id } })).map((a) => a.action);
    expect(actions).toContain("workflow.hmac_enabled");
  });

  it("refuses publishing a draft other than the one the builder looked at", async () => {
    const { actor, workspaceId } = await owner();
    const wf = await createWorkflow(t.prisma, actor, workspaceId, { name: "Stale publish", definition: twoSteps() });
    await updateWorkflow(t.prisma, actor, wf.id, { definition: twoSteps("Changed") });
    const error = await rejection(publishWorkflow(t.prisma, actor, wf.id, { expectedRevision: wf.draftRevision }));
    expect(error.code).toBe("CONFLICT");
    expect(await t.prisma.workflowVersion.count({ where: { workflowId: wf.id } })).toBe(0);
  });
});

describe("edit conflicts", () => {
  it("tells the second of two builders saving from the same revision, and keeps the first one's work", async () => {
    const { actor: alice, workspaceId } = await owner();
    const bob = await owner();
    await upsertMembership(t.prisma, workspaceId, bob.actor.userId, "editor");
    const wf = await createWorkflow(t.prisma, alice, workspaceId, { name: "Shared", definition: twoSteps() });
    const opened = wf.draftRevision;

    const saved = await updateWorkflow(t.prisma, alice, wf.id, { definition: twoSteps("Alice's title"), expectedRevision: opened });
    expect(saved.draftRevision).toBe(opened + 1);
    const error = await rejection(updateWorkflow(t.prisma, bob.actor, wf.id, { definition: twoSteps("Bob's title"), expectedRevision: opened }));
    expect(error.code).toBe("CONFLICT");
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/Someone else saved this workflow/);

    const view = await getWorkflowView(t.prisma, bob.actor, wf.id, PUBLIC_URL);
    expect(view.draft.steps[0]!.title).toBe("Alice's title");
    expect(view.draftRevision).toBe(opened + 1);
    // With the fresh revision Bob's save goes through.
    await updateWorkflow(t.prisma, bob.actor, wf.id, { definition: twoSteps("Bob's title"), expectedRevision: view.draftRevision });
  });

  it("refuses an invalid definition with the issue at its path and leaves the draft alone", async () => {
    const { actor, workspaceId } = await owner();
    const wf = await createWorkflow(t.prisma, actor, workspaceId, { name: "Invalid", definition: twoSteps() });
    const bad = twoSteps();
    bad.steps[1]!.fields.push({ type: "text", key: "name", label: "" });
    const error = await rejection(updateWorkflow(t.prisma, actor, wf.id, { definition: bad, expectedRevision: wf.draftRevision }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: ["definition", "steps", 1, "fields", 1, "key"], message: expect.stringContaining("Duplicate field key") },
        { path: ["definition", "steps", 1, "fields", 1, "label"], message: "Label is required" },
      ]),
    );
    const view = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(view.draftRevision).toBe(wf.draftRevision);
    expect(view.draft.steps[1]!.fields).toHaveLength(1);
  });

  it("lets a viewer read the builder but refuses their edits and publishes server-side", async () => {
    const { actor, workspaceId } = await owner();
    const viewer = await owner();
    await upsertMembership(t.prisma, workspaceId, viewer.actor.userId, "viewer");
    const wf = await createWorkflow(t.prisma, actor, workspaceId, { name: "Read only", definition: twoSteps() });
    const view = await getWorkflowView(t.prisma, viewer.actor, wf.id, PUBLIC_URL);
    expect(view.canEdit).toBe(false);
    expect((await rejection(updateWorkflow(t.prisma, viewer.actor, wf.id, { definition: twoSteps("x") }))).code).toBe("FORBIDDEN");
    expect((await rejection(publishWorkflow(t.prisma, viewer.actor, wf.id))).code).toBe("FORBIDDEN");
    // Someone outside the workspace can't even tell it exists.
    const stranger = await owner();
    expect((await rejection(getWorkflowView(t.prisma, stranger.actor, wf.id, PUBLIC_URL))).code).toBe("NOT_FOUND");
  });

  it("publishes what is on screen: the sent definition is saved (revision-checked) and published in one step", async () => {
    const { actor, workspaceId } = await owner();
    const wf = await createWorkflow(t.prisma, actor, workspaceId, { name: "On screen", definition: twoSteps() });
    const onScreen = twoSteps("Edited, not yet saved");
    const published = await publishWorkflow(t.prisma, actor, wf.id, { definition: onScreen, expectedRevision: wf.draftRevision });
    expect(published).toMatchObject({ version: 1, unchanged: false, draftRevision: wf.draftRevision + 1 });
    const view = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(view.live?.definition.steps[0]!.title).toBe("Edited, not yet saved");
    expect(view.hasUnpublishedChanges).toBe(false);

    // A stale tab (an old revision) is refused and changes nothing, live or draft.
    const stale = await rejection(publishWorkflow(t.prisma, actor, wf.id, { definition: twoSteps("From a stale tab"), expectedRevision: wf.draftRevision }));
    expect(stale).toMatchObject({ code: "CONFLICT", reason: "edit_conflict" });
    const after = await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL);
    expect(after.draft.steps[0]!.title).toBe("Edited, not yet saved");
    expect(after.live?.version).toBe(1);
    // An invalid screen is a 422 path by path, and nothing is saved.
    const invalid = await rejection(publishWorkflow(t.prisma, actor, wf.id, { definition: { ...twoSteps(), steps: [] }, expectedRevision: after.draftRevision }));
    expect(invalid.code).toBe("VALIDATION_FAILED");
    expect(invalid.issues?.[0]?.path).toEqual(["definition", "steps"]);
  });

  it("a draft equal to the live version publishes nothing: the live version and unchanged: true", async () => {
    const { actor, workspaceId } = await owner();
    const wf = await createWorkflow(t.prisma, actor, workspaceId, { name: "Unchanged", definition: twoSteps() });
    const first = await publishWorkflow(t.prisma, actor, wf.id);
    expect(first).toMatchObject({ version: 1, unchanged: false });
    expect(await publishWorkflow(t.prisma, actor, wf.id)).toMatchObject({ version: 1, unchanged: true, versionId: first.versionId });
    // The same definition sent again (keys in another order) is still no change.
    const reordered = JSON.parse(JSON.stringify(twoSteps(), (_k, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    expect(await publishWorkflow(t.prisma, actor, wf.id, { definition: reordered })).toMatchObject({ version: 1, unchanged: true });
    expect(await t.prisma.workflowVersion.count({ where: { workflowId: wf.id } })).toBe(1);
    const audit = (await t.prisma.auditEvent.findMany({ where: { targetId: wf.id } })).map((a) => a.action);
    expect(audit.filter((a) => a === "workflow.published")).toHaveLength(1);
  });

  it("refuses a scheme change and a publish with HMAC on unless an active secret fits, naming the secret and the rule", async () => {
    const { actor, workspaceId } = await owner();
    const keys = [{ id: "k", key: randomBytes(32) }];
    const wf = await createWorkflow(t.prisma, actor, workspaceId, { name: "Fit", definition: twoSteps() });
    const pasted = await createSecret(t.prisma, actor, wf.id, { value: "my-super-long-company-secret-2026!" }, { keys });
    const withScheme = (scheme: string, enabled = true) => ({ ...twoSteps(), trigger: { type: "webhook", hmac: { scheme, enabled } } });
    const refused = await rejection(updateWorkflow(t.prisma, actor, wf.id, { definition: withScheme("standard-webhooks") }));
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED", reason: "no_fitting_secret", issues: [{ path: ["definition", "trigger", "hmac", "scheme"] }] });
    expect(refused.message).toContain(`…${pasted.last4}`);
    expect(refused.message).toContain("whsec_ followed by base64 of 24–64 bytes");
    expect((await getWorkflowView(t.prisma, actor, wf.id, PUBLIC_URL)).draft.trigger.hmac.scheme).toBe("prefixed-hex");

    // Another UTF-8-keyed scheme is fine; with a fitting secret added, Standard Webhooks is too.
    await updateWorkflow(t.prisma, actor, wf.id, { definition: withScheme("stripe") });
    await createSecret(t.prisma, actor, wf.id, { mode: "rotate" }, { keys });
    await updateWorkflow(t.prisma, actor, wf.id, { definition: withScheme("standard-webhooks") });
    expect(await publishWorkflow(t.prisma, actor, wf.id)).toMatchObject({ version: 1 });
  });
});

