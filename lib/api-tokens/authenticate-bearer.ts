import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { findMembership } from "@/lib/workspaces/membership-repository";
import { findApiTokenByHash, touchApiTokenLastUsed } from "./api-token-repository";
import { hashApiToken, looksLikeApiToken } from "./token-format";

export type TokenActor = Required<Pick<Actor, "userId" | "tokenId" | "workspaceId">>;

/** lastUsedAt is for humans ("used 3 minutes ago"); a write per request would be waste. */
const LAST_USED_RESOLUTION_MS = 60_000;

function unauthenticated(message: string, invalidToken: boolean): AppError {
  // RFC 6750 §3: tell the client which scheme to use, and whether the token itself was bad.
  const challenge = invalidToken ? 'Bearer realm="signet", error="invalid_token"' : 'Bearer realm="signet"';
  return new AppError("UNAUTHENTICATED", message, {
    reason: invalidToken ? "invalid_token" : "unauthenticated",
    headers: { "WWW-Authenticate": challenge },
  });
}

/**
 * Turns an `Authorization: Bearer sig_…` header into the actor the token stands for: its user,
 * limited to its workspace. The user's role is read on every request by authorizeWorkspace,
 * so demoting or removing a user immediately narrows their tokens too.
 */
export async function authenticateBearer(db: PrismaClient, authorization: string | null, now = new Date()): Promise<TokenActor> {
  if (!authorization) throw unauthenticated("Send an API token: Authorization: Bearer <token>.", false);
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated("The Authorization header must be: Bearer <token>.", false);
  const presented = match[1]!;
  if (!looksLikeApiToken(presented)) throw unauthenticated("The API token is invalid or revoked.", true);
  const token = await findApiTokenByHash(db, hashApiToken(presented));
  if (!token || token.revokedAt) throw unauthenticated("The API token is invalid or revoked.", true);
  // A token outlives nothing: once its user leaves the workspace it stops authenticating.
  if (!(await findMembership(db, token.workspaceId, token.userId))) {
    throw unauthenticated("The API token is invalid or revoked.", true);
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await touchApiTokenLastUsed(db, token.id, now, LAST_USED_RESOLUTION_MS);
  }
  return { userId: token.userId, tokenId: token.id, workspaceId: token.workspaceId };
}
