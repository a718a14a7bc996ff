"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";
import { inviteMember } from "@/lib/workspaces/invite-member";

export async function inviteMemberAction(workspaceId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(async () => {
    const result = await inviteMember(await getDb(), await currentActor(), workspaceId, {
      email: formData.get("email"),
      role: formData.get("role"),
    });
    revalidatePath(`/workspaces/${workspaceId}/members`);
    return { ok: true, message: `${result.email} is now ${result.role === "owner" ? "an" : "a"} ${result.role}.` };
  });
}
