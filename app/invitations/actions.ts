"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formStateFromError, type FormState } from "@/lib/http/form-state";
import { respondToInvitation } from "@/lib/workspaces/manage-invitations";

// The bound invitation id is the whole input (useActionState's extra arguments are ignored).
export async function acceptInvitationAction(invitationId: string): Promise<FormState> {
  let workspaceId: string;
  try {
    ({ workspaceId } = await respondToInvitation(await getDb(), await currentActor(), invitationId, "accept"));
  } catch (error) {
    return formStateFromError(error);
  }
  redirect(`/workspaces/${workspaceId}`);
}

export async function declineInvitationAction(invitationId: string): Promise<FormState> {
  try {
    await respondToInvitation(await getDb(), await currentActor(), invitationId, "decline");
    revalidatePath("/invitations");
    return { ok: true, message: "Invitation declined." };
  } catch (error) {
    return formStateFromError(error);
  }
}
