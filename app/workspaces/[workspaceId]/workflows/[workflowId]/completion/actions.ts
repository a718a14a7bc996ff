"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";
import { createEndpoint } from "@/lib/outbound-webhooks/create-endpoint";
import { deleteEndpoint } from "@/lib/outbound-webhooks/delete-endpoint";
import { recoverMessages } from "@/lib/outbound-webhooks/recover-messages";
import { resendMessage } from "@/lib/outbound-webhooks/resend-message";
import { rotateEndpointSecret } from "@/lib/outbound-webhooks/rotate-endpoint-secret";
import { updateEndpoint } from "@/lib/outbound-webhooks/update-endpoint";

// The After completion tab's actions. Each authorises inside the lib operation it calls
// (authorizeWorkflow / authorizeEndpoint), so a forged call from a viewer is refused there.

const path = (workspaceId: string, workflowId: string) => `/workspaces/${workspaceId}/workflows/${workflowId}/completion`;

export interface EndpointInput {
  url: string;
  description?: string;
  events: string[];
}

export async function createEndpointAction(workspaceId: string, workflowId: string, input: EndpointInput): Promise<FormState<{ secret: string }>> {
  return formAction(async () => {
    const { secret } = await createEndpoint(await getDb(), await currentActor(), workflowId, input);
    revalidatePath(path(workspaceId, workflowId));
    return { ok: true, data: { secret } };
  });
}

export async function updateEndpointAction(workspaceId: string, workflowId: string, endpointId: string, input: Partial<EndpointInput> & { enabled?: boolean }): Promise<FormState> {
  return formAction(async () => {
    await updateEndpoint(await getDb(), await currentActor(), endpointId, input);
    revalidatePath(path(workspaceId, workflowId));
    return { ok: true, message: "Saved." };
  });
}

export async function deleteEndpointAction(workspaceId: string, workflowId: string, endpointId: string): Promise<FormState> {
  return formAction(async () => {
    await deleteEndpoint(await getDb(), await currentActor(), endpointId);
    revalidatePath(path(workspaceId, workflowId));
    return { ok: true, message: "Endpoint deleted." };
  });
}

export async function rotateEndpointSecretAction(workspaceId: string, workflowId: string, endpointId: string): Promise<FormState<{ secret: string }>> {
  return formAction(async () => {
    const rotated = await rotateEndpointSecret(await getDb(), await currentActor(), endpointId, {});
    revalidatePath(path(workspaceId, workflowId));
    return { ok: true, data: { secret: rotated.secret } };
  });
}

export async function resendMessageAction(workspaceId: string, workflowId: string, messageId: string): Promise<FormState> {
  return formAction(async () => {
    await resendMessage(await getDb(), await currentActor(), messageId);
    revalidatePath(path(workspaceId, workflowId));
    return { ok: true, message: "Queued: it is sent again now." };
  });
}

export async function recoverMessagesAction(workspaceId: string, workflowId: string, endpointId: string, since: string): Promise<FormState> {
  return formAction(async () => {
    const { recovered } = await recoverMessages(await getDb(), await currentActor(), endpointId, { since });
    revalidatePath(path(workspaceId, workflowId));
    return { ok: true, message: recovered === 0 ? "No failed messages since then." : `${recovered} failed message${recovered === 1 ? "" : "s"} queued again.` };
  });
}
