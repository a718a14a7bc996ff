"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";
import { respondToInvitation } from "@/lib/workspaces/manage-invitations";

// The bound invitation id is the whole input (useActionState's extra arguments are ignored).
export async function acceptInvitationAction(invitationId: string): Promise<FormState> {
  return formAction(async () => {
    const { workspaceId } = await respondToInvitation(await getDb(), await currentActor(), invitationId, "accept");
    // Redirects by throwing Next's redirect, which formAction lets through.
    redirect(`/workspaces/${workspaceId}`);
  });
}

export async function declineInvitationAction(invitationId: string): Promise<FormState> {
  return formAction(async () => {
    await respondToInvitation(await getDb(), await currentActor(), invitationId, "decline");
    revalidatePath("/invitations");
    return { ok: true, message: "Invitation declined." };
  });
}
