import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { findUserById } from "@/lib/auth/user-repository";
import { AppError } from "@/lib/errors/app-error";
import { closeInvitations, countInvitationsForEmail, findInvitationForEmail, findWorkspaceInvitation, listInvitationsForEmail, listWorkspaceInvitations } from "./invitation-repository";
import { upsertMembership } from "./membership-repository";

// The invitation's life after inviteMember: the owner lists and revokes pending ones; the
// invitee (signed in with the invited email) lists, accepts or declines theirs. Anything not
// addressed to the caller, or no longer pending, is "not found".

const NOT_FOUND = () => new AppError("NOT_FOUND", "This invitation no longer exists. It may have been revoked, answered or expired.", { reason: "not_found" });

/** Pending invitations of a workspace (owners only). */
export async function listPendingInvitations(db: PrismaClient, actor: Actor | null, workspaceId: string, now = new Date()) {
  await authorizeWorkspace(db, actor, workspaceId, "own");
  return listWorkspaceInvitations(db, workspaceId, now);
}

export async function revokeInvitation(db: PrismaClient, actor: Actor | null, workspaceId: string, invitationId: string, now = new Date()) {
  await authorizeWorkspace(db, actor, workspaceId, "own");
  const invitation = await findWorkspaceInvitation(db, invitationId, workspaceId, now);
  if (!invitation || (await closeInvitations(db, workspaceId, invitation.email, "revoked", now)) === 0) throw NOT_FOUND();
  await recordAuditEvent(db, { workspaceId, actorUserId: actor!.userId, action: "invitation.revoked", targetType: "invitation", targetId: invitation.id, data: { email: invitation.email } });
}

/** The signed-in user's own email, from the account (not from the session's copy). */
async function emailOf(db: PrismaClient, actor: Actor | null): Promise<{ userId: string; email: string }> {
  // Invitations are for people in a browser; an API token cannot see or answer them.
  if (!actor || actor.tokenId) throw new AppError("UNAUTHENTICATED", "Sign in to continue.", { reason: "unauthenticated" });
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.", { reason: "unauthenticated" });
  return { userId: user.id, email: user.email };
}

/** Pending invitations addressed to the signed-in user's email. */
export async function listMyInvitations(db: PrismaClient, actor: Actor | null, now = new Date()) {
  const { email } = await emailOf(db, actor);
  return listInvitationsForEmail(db, email, now);
}

/** How many invitations wait for the signed-in user (the header's badge). */
export async function countMyInvitations(db: PrismaClient, actor: Actor | null, now = new Date()) {
  const { email } = await emailOf(db, actor);
  return countInvitationsForEmail(db, email, now);
}

/** Accepts (joins the workspace with the invited role) or declines an invitation to the caller's email. */
export async function respondToInvitation(db: PrismaClient, actor: Actor | null, invitationId: string, answer: "accept" | "decline", now = new Date()) {
  const me = await emailOf(db, actor);
  return db.$transaction(async (tx) => {
    const invitation = await findInvitationForEmail(tx, invitationId, me.email, now);
    if (!invitation) throw NOT_FOUND();
    // Closing first, in the transaction: of two answers racing, only one finds it pending.
    if ((await closeInvitations(tx, invitation.workspaceId, me.email, answer === "accept" ? "accepted" : "declined", now)) === 0) throw NOT_FOUND();
    if (answer === "accept") await upsertMembership(tx, invitation.workspaceId, me.userId, invitation.role);
    await recordAuditEvent(tx, {
      workspaceId: invitation.workspaceId,
      actorUserId: me.userId,
      action: answer === "accept" ? "invitation.accepted" : "invitation.declined",
      targetType: "invitation",
      targetId: invitation.id,
      data: { role: invitation.role },
    });
    return { workspaceId: invitation.workspaceId, role: invitation.role };
  });
}
