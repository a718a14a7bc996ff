"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type ActionState } from "@/lib/http/form-state";
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

/**
 * Publishes what the builder sees: the editor's unsaved definition, when it sends one, is
 * saved in the same step (revision-checked); a draft equal to the live version publishes nothing.
 */
export async function publishAction(
  workspaceId: string,
  workflowId: string,
  input: { definition?: unknown; expectedRevision?: number },
): Promise<ActionState<{ version: number; unchanged: boolean; revision: number }>> {
  return formAction(async () => {
    const expectedRevision = Number(input.expectedRevision);
    const published = await publishWorkflow(await getDb(), await currentActor(), workflowId, {
      definition: input.definition,
      expectedRevision: Number.isInteger(expectedRevision) && expectedRevision > 0 ? expectedRevision : undefined,
    });
    revalidatePath(`/workspaces/${workspaceId}/workflows/${workflowId}`, "layout");
    return {
      ok: true,
      message: published.unchanged ? `Nothing to publish: version ${published.version} already matches the draft.` : `Published version ${published.version}.`,
      data: { version: published.version, unchanged: published.unchanged, revision: published.draftRevision },
    };
  });
}
