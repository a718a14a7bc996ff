import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { authorizeEndpoint } from "./endpoint-access";
import { expireOtherEndpointSecrets } from "./endpoint-repository";
import { addEndpointSecret } from "./endpoint-secret";
import { ZRotateEndpointSecret } from "./schemas";

export interface RotatedSecret {
  id: string;
  /** The new secret in full: returned here only. */
  secret: string;
  last4: string;
  createdAt: Date;
  /** Until then the old secret signs too (a second webhook-signature entry); null when it stopped at once. */
  previousExpiresAt: Date | null;
}

/** A new whsec_ secret for an endpoint; the old ones keep signing beside it until the overlap ends. */
export async function rotateEndpointSecret(
  db: PrismaClient,
  actor: Actor | null,
  endpointId: string,
  input: unknown,
  opts: { keys?: AppKey[]; now?: Date } = {},
): Promise<RotatedSecret> {
  const access = await authorizeEndpoint(db, actor, endpointId, "edit");
  const data = ZRotateEndpointSecret.parse(input ?? {});
  const now = opts.now ?? new Date();
  const keys = opts.keys ?? getConfig().appKeys;
  const previousExpiresAt = new Date(now.getTime() + data.expireOldInSeconds * 1000);
  return db.$transaction(async (tx) => {
    const created = await addEndpointSecret(tx, endpointId, keys);
    const expired = await expireOtherEndpointSecrets(tx, endpointId, created.id, data.expireOldInSeconds === 0 ? now : previousExpiresAt, now);
    await recordAuditEvent(tx, {
      workspaceId: access.workspace.id,
      actorUserId: actor!.userId,
      action: "endpoint.secret_rotated",
      targetType: "endpoint",
      targetId: endpointId,
      data: { workflowId: access.workflowId, last4: created.last4, expiredOthers: expired, expireOldInSeconds: data.expireOldInSeconds },
    });
    return { id: created.id, secret: created.secret, last4: created.last4, createdAt: created.createdAt, previousExpiresAt: expired > 0 && data.expireOldInSeconds > 0 ? previousExpiresAt : null };
  });
}
