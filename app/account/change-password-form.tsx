"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-state";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      {state.message && <Alert>{state.message}</Alert>}
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={state.fieldErrors?.currentPassword} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters." error={state.fieldErrors?.newPassword} />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirmPassword} />
      <SubmitButton pendingText="Changing password…">Change password</SubmitButton>
    </form>
  );
}
