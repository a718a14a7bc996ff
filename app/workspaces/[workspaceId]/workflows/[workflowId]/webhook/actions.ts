"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";
import { sendTestRequest, type TestRequestResult } from "@/lib/delivery-log/send-test-request";
import { createSecret } from "@/lib/webhook-secrets/create-secret";
import type { CreatedSecretView, TCreateSecretInput } from "@/lib/webhook-secrets/schemas";
import { revealSecret } from "@/lib/webhook-secrets/reveal-secret";
import { revokeSecret } from "@/lib/webhook-secrets/revoke-secret";
import { signaturePreview, type SignaturePreview } from "@/lib/snippets/signature-preview";

// The Webhook tab's actions. Each one authenticates through the lib function it calls
// (authorizeWorkflow inside), so a forged call from a viewer is refused there.

const path = (workspaceId: string, workflowId: string) => `/workspaces/${workspaceId}/workflows/${workflowId}`;

/** Pure computation with an example secret; still only for signed-in users of the app. */
export async function previewSignatureAction(input: { settings: unknown; sampleBody: string }): Promise<SignaturePreview> {
  if (!(await currentActor())) return { ok: false, message: "Sign in again to see the preview." };
  return signaturePreview({ settings: input.settings, sampleBody: String(input.sampleBody).slice(0, 16_384) });
}

export async function createSecretAction(
  workspaceId: string,
  workflowId: string,
  input: TCreateSecretInput,
): Promise<FormState<CreatedSecretView>> {
  return formAction(async () => {
    const created = await createSecret(await getDb(), await currentActor(), workflowId, input);
    revalidatePath(path(workspaceId, workflowId), "layout");
    const { id, secret, last4, warnings, expiredOthers, revokedOthers, mode } = created;
    return { ok: true, data: { id, secret, last4, warnings, expiredOthers, revokedOthers, mode } };
  });
}

export async function revealSecretAction(workflowId: string, secretId: string): Promise<FormState<{ secret: string }>> {
  return formAction(async () => {
    const revealed = await revealSecret(await getDb(), await currentActor(), workflowId, secretId);
    return { ok: true, data: { secret: revealed.secret } };
  });
}

export async function revokeSecretAction(workspaceId: string, workflowId: string, secretId: string): Promise<FormState> {
  return formAction(async () => {
    await revokeSecret(await getDb(), await currentActor(), workflowId, secretId);
    revalidatePath(path(workspaceId, workflowId), "layout");
    return { ok: true, message: "Secret revoked: requests signed with it are refused from now on." };
  });
}

export async function sendTestRequestAction(workflowId: string, input: { body: string }): Promise<FormState<TestRequestResult>> {
  return formAction(
    async () => ({ ok: true, data: await sendTestRequest(await getDb(), await currentActor(), workflowId, { body: String(input.body) }) }),
    // The button must always say what is wrong; an unexpected fault still names the step.
    { unexpectedMessage: "The test request could not be prepared because of a fault on the server (it was logged). The signing snippets on this page send the same request." },
  );
}
