"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formStateFromError, type FormState } from "@/lib/http/form-state";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { duplicateWorkflow } from "@/lib/workflows/duplicate-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";

// Workflow-list actions. Each one authorises inside lib (the page's role check only decides
// what to show).

export async function createWorkflowAction(workspaceId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    id = (await createWorkflow(await getDb(), await currentActor(), workspaceId, { name: formData.get("name") })).id;
  } catch (error) {
    return { ...formStateFromError(error), values: { name: String(formData.get("name") ?? "") } };
  }
  redirect(`/workspaces/${workspaceId}/workflows/${id}`);
}

export async function renameWorkflowAction(workspaceId: string, workflowId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const saved = await updateWorkflow(await getDb(), await currentActor(), workflowId, { name: formData.get("name") });
    revalidatePath(`/workspaces/${workspaceId}`);
    return { ok: true, message: `Renamed to “${saved.name}”.` };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function duplicateWorkflowAction(workspaceId: string, workflowId: string): Promise<FormState> {
  try {
    const copy = await duplicateWorkflow(await getDb(), await currentActor(), workflowId);
    revalidatePath(`/workspaces/${workspaceId}`);
    return { ok: true, message: `Created “${copy.name}”.` };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function deleteWorkflowAction(workspaceId: string, workflowId: string): Promise<FormState> {
  try {
    await deleteWorkflow(await getDb(), await currentActor(), workflowId);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(`/workspaces/${workspaceId}`);
  redirect(`/workspaces/${workspaceId}`);
}
