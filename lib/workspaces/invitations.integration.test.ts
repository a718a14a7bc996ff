import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEventRows } from "@/lib/audit/audit-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { registerAccount, signUp } from "@/lib/auth/sign-up";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { toErrorResponse } from "@/lib/errors/http";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { inviteMember } from "./invite-member";
import { countMyInvitations, listMyInvitations, listPendingInvitations, respondToInvitation, revokeInvitation } from "./manage-invitations";
import { listMembers, upsertMembership } from "./membership-repository";
import { removeMember } from "./remove-member";

// Membership is consent: an owner invites an email, and nobody joins a workspace until the
// person signed in with that email accepts. Every answer an owner or a stranger sees is the
// same whether or not an email has an account.

const db = useTestDatabase();
const PASSWORD = "correct horse battery";
// `home` is the user's personal workspace (an Actor's workspaceId would mean "API token of that workspace").
let owner: Actor & { home: string };
let n = 0;
const email = (label: string) => `${label}-${++n}@example.com`;

async function user(label: string) {
  const created = await signUp(db.prisma, { email: email(label), password: PASSWORD });
  return { userId: created.userId, email: created.email, home: created.workspaceId };
}

async function status(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
    return 200;
  } catch (error) {
    return toErrorResponse(error).status;
  }
}

const isMember = (actor: Actor) => status(() => authorizeWorkspace(db.prisma, actor, owner.home, "view"));

beforeAll(async () => {
  owner = await user("owner");
});

describe("invitations", () => {
  it("inviting answers the same for an email with and without an account, and adds nobody", async () => {
    const invitee = await user("invitee");
    const withAccount = await inviteMember(db.prisma, owner, owner.home, { email: invitee.email, role: "editor" });
    const withoutAccount = await inviteMember(db.prisma, owner, owner.home, { email: email("nobody"), role: "editor" });
    expect({ ...withAccount, email: "x" }).toEqual({ ...withoutAccount, email: "x" });
    expect(await isMember(invitee)).toBe(404);
    expect((await listMembers(db.prisma, owner.home)).map((m) => m.user.email)).not.toContain(invitee.email);
  });

  it("the invitee sees it after signing in and joins only by accepting; audit events record both steps", async () => {
    const invitee = await user("accepts");
    await inviteMember(db.prisma, owner, owner.home, { email: invitee.email.toUpperCase(), role: "viewer" });
    expect(await countMyInvitations(db.prisma, invitee)).toBe(1);
    const [invitation] = await listMyInvitations(db.prisma, invitee);
    expect(invitation).toMatchObject({ role: "viewer", workspace: { id: owner.home } });
    expect(await listPendingInvitations(db.prisma, owner, owner.home)).toEqual(expect.arrayContaining([expect.objectContaining({ id: invitation!.id, email: invitee.email })]));

    await respondToInvitation(db.prisma, invitee, invitation!.id, "accept");
    expect(await isMember(invitee)).toBe(200);
    expect(await listMyInvitations(db.prisma, invitee)).toEqual([]);
    // Answered once: a second accept (or a replayed form) finds nothing.
    expect(await status(() => respondToInvitation(db.prisma, invitee, invitation!.id, "accept"))).toBe(404);
    const actions = (await listAuditEventRows(db.prisma, owner.home)).map((e) => `${e.action}:${e.targetId}`);
    expect(actions).toEqual(expect.arrayContaining([`member.invited:${invitation!.id}`, `invitation.accepted:${invitation!.id}`]));
  });

  it("only the addressee can see or answer an invitation", async () => {
    const invitee = await user("addressee");
    const stranger = await user("stranger");
    await inviteMember(db.prisma, owner, owner.home, { email: invitee.email, role: "owner" });
    const [invitation] = await listMyInvitations(db.prisma, invitee);
    expect(await listMyInvitations(db.prisma, stranger)).toEqual([]);
    expect(await status(() => respondToInvitation(db.prisma, stranger, invitation!.id, "accept"))).toBe(404);
    expect(await status(() => respondToInvitation(db.prisma, null, invitation!.id, "accept"))).toBe(401);
    expect(await status(() => respondToInvitation(db.prisma, { ...invitee, tokenId: "api" }, invitation!.id, "accept"))).toBe(401);
    expect(await isMember(stranger)).toBe(404);
  });

  it("declining leaves the invitee out; a revoked invitation can no longer be accepted", async () => {
    const decliner = await user("declines");
    await inviteMember(db.prisma, owner, owner.home, { email: decliner.email, role: "editor" });
    const [declined] = await listMyInvitations(db.prisma, decliner);
    await respondToInvitation(db.prisma, decliner, declined!.id, "decline");
    expect(await isMember(decliner)).toBe(404);

    const late = await user("revoked");
    await inviteMember(db.prisma, owner, owner.home, { email: late.email, role: "editor" });
    const [revoked] = await listMyInvitations(db.prisma, late);
    await revokeInvitation(db.prisma, owner, owner.home, revoked!.id);
    expect(await status(() => respondToInvitation(db.prisma, late, revoked!.id, "accept"))).toBe(404);
    expect(await isMember(late)).toBe(404);
    const actions = (await listAuditEventRows(db.prisma, owner.home)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["invitation.declined", "invitation.revoked"]));
  });

  it("an invitation to an email without an account waits until that email signs up", async () => {
    const address = email("later");
    await inviteMember(db.prisma, owner, owner.home, { email: address, role: "editor" });
    const joined = await signUp(db.prisma, { email: address, password: PASSWORD });
    const actor = { userId: joined.userId };
    const [invitation] = await listMyInvitations(db.prisma, actor);
    await respondToInvitation(db.prisma, actor, invitation!.id, "accept");
    expect(await isMember(actor)).toBe(200);
  });

  it("an expired invitation cannot be accepted", async () => {
    const invitee = await user("expired");
    const sent = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
    await inviteMember(db.prisma, owner, owner.home, { email: invitee.email, role: "editor" }, sent);
    expect(await listMyInvitations(db.prisma, invitee)).toEqual([]);
    const [stale] = await listMyInvitations(db.prisma, invitee, sent);
    expect(await status(() => respondToInvitation(db.prisma, invitee, stale!.id, "accept"))).toBe(404);
  });

  it("only owners invite, list and revoke; an existing member's role changes at once", async () => {
    const editor = await user("editor");
    await upsertMembership(db.prisma, owner.home, editor.userId, "editor");
    expect(await status(() => inviteMember(db.prisma, editor, owner.home, { email: email("x"), role: "owner" }))).toBe(403);
    expect(await status(() => listPendingInvitations(db.prisma, editor, owner.home))).toBe(403);
    const result = await inviteMember(db.prisma, owner, owner.home, { email: editor.email, role: "viewer" });
    expect(result.kind).toBe("role_changed");
    expect((await authorizeWorkspace(db.prisma, editor, owner.home, "view")).role).toBe("viewer");
  });
});

describe("removing members", () => {
  it("an owner removes a member, who loses access; the event is audited", async () => {
    const member = await user("removed");
    await upsertMembership(db.prisma, owner.home, member.userId, "editor");
    const row = (await listMembers(db.prisma, owner.home)).find((m) => m.user.id === member.userId)!;
    expect(await status(() => removeMember(db.prisma, member, owner.home, row.id))).toBe(403);
    await removeMember(db.prisma, owner, owner.home, row.id);
    expect(await isMember(member)).toBe(404);
    expect((await listAuditEventRows(db.prisma, owner.home)).map((e) => `${e.action}:${e.targetId}`)).toContain(`member.removed:${member.userId}`);
  });

  it("never yourself, never the last owner, even when two owners remove each other at once", async () => {
    const a = await user("owner-a");
    const b = await user("owner-b");
    await upsertMembership(db.prisma, a.home, b.userId, "owner");
    const rows = await listMembers(db.prisma, a.home);
    const rowOf = (id: string) => rows.find((m) => m.user.id === id)!.id;
    expect(await status(() => removeMember(db.prisma, a, a.home, rowOf(a.userId)))).toBe(400);
    const results = await Promise.all([status(() => removeMember(db.prisma, a, a.home, rowOf(b.userId))), status(() => removeMember(db.prisma, b, a.home, rowOf(a.userId)))]);
    // The loser is refused: as the last owner (400), or as no longer a member at all (404).
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s !== 200)).toEqual([expect.toSatisfy((s: number) => s === 400 || s === 404)]);
    expect((await listMembers(db.prisma, a.home)).filter((m) => m.role === "owner")).toHaveLength(1);
  });
});

describe("sign-up", () => {
  it("answers the same for a taken email and changes nothing about the existing account", async () => {
    const existing = await user("taken");
    await expect(registerAccount(db.prisma, { email: existing.email, password: "another long password" })).resolves.toBeUndefined();
    await expect(registerAccount(db.prisma, { email: email("fresh"), password: "another long password" })).resolves.toBeUndefined();
    expect((await verifyCredentials(db.prisma, { email: existing.email, password: PASSWORD })).ok).toBe(true);
    expect((await verifyCredentials(db.prisma, { email: existing.email, password: "another long password" })).ok).toBe(false);
  });
});
