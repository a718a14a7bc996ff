import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { announceMessages } from "./announce-messages";
import { authorizeEndpoint } from "./endpoint-access";
import { requeueFailedSince } from "./message-list-repository";
import { ZRecoverMessages } from "./schemas";

/** Sends again every message of the endpoint that failed for good and was created since a time. */
export async function recoverMessages(db: PrismaClient, actor: Actor | null, endpointId: string, input: unknown): Promise<{ recovered: number }> {
  await authorizeEndpoint(db, actor, endpointId, "edit");
  const { since } = ZRecoverMessages.parse(input ?? {});
  const ids = await requeueFailedSince(db, endpointId, since, new Date());
  announceMessages(ids);
  return { recovered: ids.length };
}
