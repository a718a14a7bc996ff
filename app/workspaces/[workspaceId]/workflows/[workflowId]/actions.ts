"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type ActionState, type FormState } from "@/lib/http/form-state";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";

/** Saves the builder's whole definition as the draft, only if nobody saved in between. */
export async function saveDraftAction(
  workspaceId: string,
  workflowId: string,
  input: { definition: unknown; expectedRevision: number },
): Promise<ActionState<{ revision: number }>> {
  return formAction(
    async () => {
      const saved = await updateWorkflow(await getDb(), await currentActor(), workflowId, {
        definition: input.definition,
        expectedRevision: input.expectedRevision,
      });
      revalidatePath(`/workspaces/${workspaceId}/workflows/${workflowId}`, "layout");
      return { ok: true, message: "Draft saved.", data: { revision: saved.draftRevision } };
    },
    { fieldPrefix: "definition." },
  );
}

export async function publishAction(
  workspaceId: string,
  workflowId: string,
  _prev: FormState<{ version: number }>,
  formData: FormData,
): Promise<FormState<{ version: number }>> {
  return formAction(async () => {
    // The revision comes from the form at click time, not from a value bound at render, so a
    // save that refreshed the header in between can't leave a stale form behind.
    const expectedRevision = Number(formData.get("expectedRevision"));
    const published = await publishWorkflow(await getDb(), await currentActor(), workflowId, {
      expectedRevision: Number.isInteger(expectedRevision) && expectedRevision > 0 ? expectedRevision : undefined,
    });
    revalidatePath(`/workspaces/${workspaceId}/workflows/${workflowId}`, "layout");
    return { ok: true, message: `Published version ${published.version}.`, data: { version: published.version } };
  });
}
