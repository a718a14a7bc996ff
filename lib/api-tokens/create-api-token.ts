import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { insertApiToken } from "./api-token-repository";
import { ZCreateApiToken } from "./schemas";
import { apiTokenLast4, generateApiToken, hashApiToken } from "./token-format";

/**
 * Creates a token acting as `actor` inside one workspace. The plain token is returned here
 * and nowhere else: only its hash is stored.
 */
export async function createApiToken(db: PrismaClient, actor: Actor | null, workspaceId: string, input: unknown) {
  await authorizeWorkspace(db, actor, workspaceId, "edit");
  // A leaked token must not be able to mint itself successors that survive its revocation.
  if (actor!.tokenId) throw new AppError("FORBIDDEN", "API tokens can't create API tokens.", { reason: "forbidden" });
  const { name } = ZCreateApiToken.parse(input);
  const token = generateApiToken();
  return db.$transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      workspaceId,
      userId: actor!.userId,
      name,
      tokenHash: hashApiToken(token),
      last4: apiTokenLast4(token),
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actorUserId: actor!.userId,
      action: "api_token.created",
      targetType: "api_token",
      targetId: row.id,
      data: { name, last4: row.last4 },
    });
    return { ...row, token };
  });
}
