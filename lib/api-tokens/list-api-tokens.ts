import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { listApiTokensForWorkspace } from "./api-token-repository";

/** The workspace's tokens (never their values or hashes), newest first. */
export async function listApiTokens(db: PrismaClient, actor: Actor | null, workspaceId: string) {
  await authorizeWorkspace(db, actor, workspaceId, "view");
  return listApiTokensForWorkspace(db, workspaceId);
}
