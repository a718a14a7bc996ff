"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-state";

export function CreateWorkflowForm({ action }: { action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.message && !state.fieldErrors?.name && <Alert>{state.message}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Workflow name"
          name="name"
          placeholder="e.g. Customer onboarding"
          defaultValue={state.values?.name}
          error={state.fieldErrors?.name}
          className="min-w-64 flex-1"
          maxLength={120}
          required
        />
        <SubmitButton pendingText="Creating…">Create workflow</SubmitButton>
      </div>
    </form>
  );
}
