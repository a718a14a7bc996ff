import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { createEndpoint } from "@/lib/outbound-webhooks/create-endpoint";
import { deleteEndpoint } from "@/lib/outbound-webhooks/delete-endpoint";
import { getEndpoint } from "@/lib/outbound-webhooks/get-endpoint";
import { listEndpointMessages } from "@/lib/outbound-webhooks/list-endpoint-messages";
import { listEndpoints } from "@/lib/outbound-webhooks/list-endpoints";
import type { MessageRow } from "@/lib/outbound-webhooks/message-list-repository";
import { recoverMessages } from "@/lib/outbound-webhooks/recover-messages";
import { resendMessage } from "@/lib/outbound-webhooks/resend-message";
import { rotateEndpointSecret } from "@/lib/outbound-webhooks/rotate-endpoint-secret";
import { updateEndpoint } from "@/lib/outbound-webhooks/update-endpoint";
import { z } from "zod";
import { parsePageQuery } from "./pagination";

// /api/v1 for completion webhooks: endpoints of a workflow, their secrets (the value only in
// the create and rotate answers), their messages with attempts, resend and recover.

export async function listEndpointsResource(db: PrismaClient, actor: TokenActor, workflowId: string) {
  return { data: await listEndpoints(db, actor, workflowId) };
}

export async function createEndpointResource(db: PrismaClient, actor: TokenActor, workflowId: string, input: unknown) {
  const { endpoint, secret } = await createEndpoint(db, actor, workflowId, input);
  return { ...endpoint, secret };
}

export const getEndpointResource = (db: PrismaClient, actor: TokenActor, endpointId: string) => getEndpoint(db, actor, endpointId);
export const updateEndpointResource = (db: PrismaClient, actor: TokenActor, endpointId: string, input: unknown) => updateEndpoint(db, actor, endpointId, input);
export const deleteEndpointResource = (db: PrismaClient, actor: TokenActor, endpointId: string) => deleteEndpoint(db, actor, endpointId);
export const rotateEndpointSecretResource = (db: PrismaClient, actor: TokenActor, endpointId: string, input: unknown) => rotateEndpointSecret(db, actor, endpointId, input);
export const recoverMessagesResource = (db: PrismaClient, actor: TokenActor, endpointId: string, input: unknown) => recoverMessages(db, actor, endpointId, input);

function messageJson(m: MessageRow) {
  return {
    id: m.id,
    endpointId: m.endpointId,
    sessionId: m.sessionId,
    type: m.type,
    status: m.status,
    attemptCount: m.attemptCount,
    nextAttemptAt: m.nextAttemptAt,
    createdAt: m.createdAt,
    deliveredAt: m.deliveredAt,
    payload: m.payload,
    attempts: m.attempts,
  };
}

const ZStatusFilter = z.object({ status: z.enum(["pending", "delivered", "failed"], { error: "status must be pending, delivered or failed" }).optional() });

export async function listMessagesResource(db: PrismaClient, actor: TokenActor, endpointId: string, url: URL) {
  const page = parsePageQuery(url);
  const { status } = ZStatusFilter.parse({ status: url.searchParams.get("status") ?? undefined });
  const { messages, nextCursor } = await listEndpointMessages(db, actor, endpointId, { take: page.limit, cursor: page.cursor, status });
  return { data: messages.map(messageJson), nextCursor };
}

export async function resendMessageResource(db: PrismaClient, actor: TokenActor, messageId: string) {
  return messageJson(await resendMessage(db, actor, messageId));
}
