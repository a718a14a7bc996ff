import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { findApiTokenInWorkspace, markApiTokenRevoked } from "./api-token-repository";

/**
 * Revokes a token at once (the next request with it gets 401). Editors revoke their own
 * tokens; owners can revoke anyone's, e.g. after a colleague leaves.
 */
export async function revokeApiToken(db: PrismaClient, actor: Actor | null, workspaceId: string, tokenId: string) {
  const access = await authorizeWorkspace(db, actor, workspaceId, "edit");
  const token = await findApiTokenInWorkspace(db, workspaceId, tokenId);
  if (!token) throw new AppError("NOT_FOUND", "API token not found.", { reason: "not_found" });
  if (token.userId !== actor!.userId && access.role !== "owner") {
    throw new AppError("FORBIDDEN", "Only the token's creator or a workspace owner can revoke it.", { reason: "forbidden" });
  }
  const now = new Date();
  const revoked = await markApiTokenRevoked(db, tokenId, now);
  if (revoked) {
    await recordAuditEvent(db, {
      workspaceId,
      actorUserId: actor!.userId,
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: tokenId,
    });
  }
  return { id: tokenId, revokedAt: revoked ? now : token.revokedAt };
}
