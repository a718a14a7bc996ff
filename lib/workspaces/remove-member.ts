import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { deleteMembership, findMembershipById, lockOwnerMemberships } from "./membership-repository";

/** Removes a member from the workspace (owners only); never yourself, never the last owner. */
export async function removeMember(db: PrismaClient, actor: Actor | null, workspaceId: string, membershipId: string) {
  await authorizeWorkspace(db, actor, workspaceId, "own");
  const member = await db.$transaction(async (tx) => {
    // Owners are locked first, so two owners removing each other at once cannot both succeed.
    const owners = await lockOwnerMemberships(tx, workspaceId);
    const found = await findMembershipById(tx, workspaceId, membershipId);
    if (!found) throw new AppError("NOT_FOUND", "Member not found.", { reason: "not_found" });
    if (found.userId === actor!.userId) throw new AppError("BAD_REQUEST", "You can't remove yourself.", { reason: "self_removal" });
    if (found.role === "owner" && owners.filter((id) => id !== found.id).length === 0) {
      throw new AppError("BAD_REQUEST", "A workspace needs at least one owner.", { reason: "last_owner" });
    }
    await deleteMembership(tx, found.id);
    return found;
  });
  await recordAuditEvent(db, { workspaceId, actorUserId: actor!.userId, action: "member.removed", targetType: "user", targetId: member.userId, data: { email: member.user.email, role: member.role } });
  return { email: member.user.email };
}
