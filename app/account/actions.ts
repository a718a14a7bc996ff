"use server";

import { signIn } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(async () => {
    const newPassword = formData.get("newPassword");
    const { email } = await changePassword(await getDb(), await currentActor(), {
      currentPassword: formData.get("currentPassword"),
      newPassword,
      confirmPassword: formData.get("confirmPassword"),
    });
    // The change ended every session, this one too: sign in afresh with the new password.
    // Redirects by throwing Next's redirect, which formAction lets through.
    await signIn("credentials", { email, password: newPassword, redirectTo: "/account?changed=1" });
    return { ok: true };
  });
}
