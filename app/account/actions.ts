"use server";

import { signIn } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formStateFromError, type FormState } from "@/lib/http/form-state";

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const newPassword = formData.get("newPassword");
  let email: string;
  try {
    ({ email } = await changePassword(await getDb(), await currentActor(), {
      currentPassword: formData.get("currentPassword"),
      newPassword,
      confirmPassword: formData.get("confirmPassword"),
    }));
  } catch (error) {
    return formStateFromError(error);
  }
  // The change ended every session, this one too: sign in afresh with the new password.
  // signIn redirects by throwing, so it stays outside the try above.
  await signIn("credentials", { email, password: newPassword, redirectTo: "/account?changed=1" });
  return { ok: true };
}
