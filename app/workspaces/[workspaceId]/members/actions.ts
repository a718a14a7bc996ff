"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";
import { inviteMember } from "@/lib/workspaces/invite-member";
import { revokeInvitation } from "@/lib/workspaces/manage-invitations";
import { removeMember } from "@/lib/workspaces/remove-member";

export async function inviteMemberAction(workspaceId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(async () => {
    const result = await inviteMember(await getDb(), await currentActor(), workspaceId, {
      email: formData.get("email"),
      role: formData.get("role"),
    });
    revalidatePath(`/workspaces/${workspaceId}/members`);
    // The same words whether or not the email has an account.
    const message =
      result.kind === "invited"
        ? `Invited ${result.email} as ${result.role}. They join once they sign in with this email and accept.`
        : `${result.email} is now ${result.role === "owner" ? "an" : "a"} ${result.role}.`;
    return { ok: true, message };
  });
}

// Bound ids are the whole input of the next two (useActionState's extra arguments are ignored).
export async function revokeInvitationAction(workspaceId: string, invitationId: string): Promise<FormState> {
  return formAction(async () => {
    await revokeInvitation(await getDb(), await currentActor(), workspaceId, invitationId);
    revalidatePath(`/workspaces/${workspaceId}/members`);
    return { ok: true, message: "Invitation revoked." };
  });
}

export async function removeMemberAction(workspaceId: string, membershipId: string): Promise<FormState> {
  return formAction(async () => {
    const removed = await removeMember(await getDb(), await currentActor(), workspaceId, membershipId);
    revalidatePath(`/workspaces/${workspaceId}/members`);
    return { ok: true, message: `${removed.email} was removed.` };
  });
}
