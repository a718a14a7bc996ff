"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { registerAccount } from "@/lib/auth/sign-up";
import { ZSignIn } from "@/lib/auth/schemas";
import { getDb } from "@/lib/db/client";
import { formAction, formStateFromError, type FormState } from "@/lib/http/form-state";
import { safeCallbackPath } from "@/lib/http/safe-callback";

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { email: formData.get("email"), password: formData.get("password"), name: formData.get("name") || undefined };
  return formAction(
    async () => {
      await registerAccount(await getDb(), input);
      // The same answer whether the email was new or taken (registerAccount): on to sign-in.
      // Redirects by throwing Next's redirect, which formAction lets through.
      redirect("/sign-in?signed-up=1");
    },
    { values: { email: String(input.email ?? ""), name: String(input.name ?? "") } },
  );
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = ZSignIn.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.success) return { ...formStateFromError(parsed.error), values };
  try {
    await signIn("credentials", {
      ...parsed.data,
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "locked") {
        return { ok: false, values, message: "Too many failed attempts. Sign-in for this email is locked for up to 15 minutes; try again later." };
      }
      return { ok: false, values, message: "Incorrect email or password." };
    }
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
