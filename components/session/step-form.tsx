"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/http/form-state";
import type { TFormStep } from "@/lib/workflows/definition/schemas";
import { SessionField } from "./session-field";

/**
 * One step of the participant's form. Validation is the server's (the form is noValidate so
 * every participant gets the same messages); what they typed is kept across a failed submit.
 */
export function StepForm({
  step,
  stepIndex,
  stepCount,
  prefill,
  action,
}: {
  step: TFormStep;
  stepIndex: number;
  stepCount: number;
  prefill: Record<string, string | number | boolean>;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, {});
  const isLast = stepIndex === stepCount - 1;
  const valueOf = (key: string, type: string, locked: boolean) => {
    if (!state.values || locked) return prefill[key];
    // After a failed submit, an unticked checkbox is absent from the submitted values.
    if (type === "checkbox") return state.values[key] !== undefined;
    return state.values[key];
  };
  return (
    <form action={formAction} noValidate className="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="step-heading">
      <div>
        {stepCount > 1 && (
          <p className="text-sm font-medium text-brand-700">
            Step {stepIndex + 1} of {stepCount}
          </p>
        )}
        <h1 id="step-heading" className="mt-1 text-2xl font-semibold">
          {step.title}
        </h1>
        {step.description && <p className="mt-2 whitespace-pre-line text-slate-600">{step.description}</p>}
      </div>
      {state.message && <Alert>{state.message}</Alert>}
      <div className="space-y-5">
        {step.fields
          .filter((field) => field.type !== "hidden")
          .map((field) => (
            <SessionField key={field.key} field={field} value={valueOf(field.key, field.type, field.readOnly === true)} error={state.fieldErrors?.[field.key]} />
          ))}
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingText={isLast ? "Submitting…" : "Saving…"}>{isLast ? "Submit" : "Continue"}</SubmitButton>
      </div>
    </form>
  );
}
