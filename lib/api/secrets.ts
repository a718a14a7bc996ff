import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { createSecret } from "@/lib/webhook-secrets/create-secret";
import { listSecrets } from "@/lib/webhook-secrets/list-secrets";
import { revokeSecret } from "@/lib/webhook-secrets/revoke-secret";

// /api/v1/workflows/{id}/secrets: the signing secrets of a workflow's webhook. The value is
// returned once, by create; lists and revokes carry the last 4 characters only.

export async function listSecretsResource(db: PrismaClient, actor: TokenActor, workflowId: string) {
  return { data: await listSecrets(db, actor, workflowId) };
}

export async function createSecretResource(db: PrismaClient, actor: TokenActor, workflowId: string, input: unknown) {
  const created = await createSecret(db, actor, workflowId, input ?? {});
  return {
    id: created.id,
    secret: created.secret,
    last4: created.last4,
    format: created.format,
    createdAt: created.createdAt,
    warnings: created.warnings,
    mode: created.mode,
    expiredOthers: created.expiredOthers,
    othersExpireAt: created.othersExpireAt,
    revokedOthers: created.revokedOthers,
  };
}

export function revokeSecretResource(db: PrismaClient, actor: TokenActor, workflowId: string, secretId: string) {
  return revokeSecret(db, actor, workflowId, secretId);
}
