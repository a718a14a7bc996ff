"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { duplicateWorkflow } from "@/lib/workflows/duplicate-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";

// Workflow-list actions. Each one authorises inside lib (the page's role check only decides
// what to show).

export async function createWorkflowAction(workspaceId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    async () => {
      const { id } = await createWorkflow(await getDb(), await currentActor(), workspaceId, { name: formData.get("name") });
      redirect(`/workspaces/${workspaceId}/workflows/${id}`);
    },
    { values: { name: String(formData.get("name") ?? "") } },
  );
}

export async function renameWorkflowAction(workspaceId: string, workflowId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(async () => {
    const saved = await updateWorkflow(await getDb(), await currentActor(), workflowId, { name: formData.get("name") });
    revalidatePath(`/workspaces/${workspaceId}`);
    return { ok: true, message: `Renamed to “${saved.name}”.` };
  });
}

export async function duplicateWorkflowAction(workspaceId: string, workflowId: string): Promise<FormState> {
  return formAction(async () => {
    const copy = await duplicateWorkflow(await getDb(), await currentActor(), workflowId);
    revalidatePath(`/workspaces/${workspaceId}`);
    return { ok: true, message: `Created “${copy.name}”.` };
  });
}

export async function deleteWorkflowAction(workspaceId: string, workflowId: string): Promise<FormState> {
  return formAction(async () => {
    await deleteWorkflow(await getDb(), await currentActor(), workflowId);
    revalidatePath(`/workspaces/${workspaceId}`);
    redirect(`/workspaces/${workspaceId}`);
  });
}
