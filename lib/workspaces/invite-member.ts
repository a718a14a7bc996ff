import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { findUserByEmail } from "@/lib/auth/user-repository";
import { AppError } from "@/lib/errors/app-error";
import { upsertMembership } from "./membership-repository";
import { ZInviteMember } from "./schemas";

/** Adds an existing user to a workspace with a role (or changes their role). Owners only. */
export async function inviteMember(db: PrismaClient, actor: Actor | null, workspaceId: string, input: unknown) {
  await authorizeWorkspace(db, actor, workspaceId, "own");
  const { email, role } = ZInviteMember.parse(input);
  const user = await findUserByEmail(db, email);
  if (!user) {
    throw new AppError("NOT_FOUND", "No Signet account uses that email. Ask them to sign up first.", {
      reason: "user_not_found",
      issues: [{ path: ["email"], message: "No Signet account uses that email." }],
    });
  }
  if (user.id === actor!.userId) {
    throw new AppError("BAD_REQUEST", "You can't change your own role.", { reason: "self_role_change" });
  }
  const membership = await upsertMembership(db, workspaceId, user.id, role);
  await recordAuditEvent(db, {
    workspaceId,
    actorUserId: actor!.userId,
    action: "member.invited",
    targetType: "user",
    targetId: user.id,
    data: { role },
  });
  return { membershipId: membership.id, email: user.email, role };
}
