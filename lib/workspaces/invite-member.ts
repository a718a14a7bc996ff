import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { findUserById } from "@/lib/auth/user-repository";
import { AppError } from "@/lib/errors/app-error";
import { findPendingInvitation, insertInvitation, renewInvitation } from "./invitation-repository";
import { findMembershipByEmail, upsertMembership } from "./membership-repository";
import { ZInviteMember } from "./schemas";

export const INVITATION_DAYS = 14;

export type InviteResult = { kind: "invited"; email: string; role: string } | { kind: "role_changed"; email: string; role: string };

/**
 * Invites an email to the workspace with a role (owners only). The answer is the same
 * whether or not the email has an account: nobody is added until the invitee signs in with
 * that email and accepts. For someone who is already a member (the owner sees the member
 * list anyway), the role changes at once.
 */
export async function inviteMember(db: PrismaClient, actor: Actor | null, workspaceId: string, input: unknown, now = new Date()): Promise<InviteResult> {
  await authorizeWorkspace(db, actor, workspaceId, "own");
  const { email, role } = ZInviteMember.parse(input);
  const self = await findUserById(db, actor!.userId);
  if (self?.email === email) throw new AppError("BAD_REQUEST", "You can't change your own role.", { reason: "self_role_change" });

  const audit = { workspaceId, actorUserId: actor!.userId };
  const member = await findMembershipByEmail(db, workspaceId, email);
  if (member) {
    await upsertMembership(db, workspaceId, member.userId, role);
    await recordAuditEvent(db, { ...audit, action: "member.role_changed", targetType: "user", targetId: member.userId, data: { from: member.role, to: role } });
    return { kind: "role_changed", email, role };
  }
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const existing = await findPendingInvitation(db, workspaceId, email, now);
  const invitation = existing
    ? await renewInvitation(db, existing.id, { role, invitedById: actor!.userId, expiresAt })
    : await insertInvitation(db, { workspaceId, email, role, invitedById: actor!.userId, expiresAt });
  await recordAuditEvent(db, { ...audit, action: "member.invited", targetType: "invitation", targetId: invitation.id, data: { email, role } });
  return { kind: "invited", email, role };
}
