import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { INTENT_INPUT, STEP_INPUT } from "@/lib/sessions/session-form-names";
import type { TFieldValue } from "@/lib/workflows/mapping/coerce-field-value";
import type { TFormStep } from "@/lib/workflows/definition/schemas";
import { SessionField } from "./session-field";
import { StepProgress } from "./step-progress";

export interface StepFormProps {
  step: TFormStep;
  stepIndex: number;
  steps: { id: string; title: string }[];
  /** Saved answers and prefill, or (after a failed submit) what was typed. */
  values: Record<string, TFieldValue>;
  /** True when `values` is what was just posted: an unticked checkbox is then absent. */
  submitted?: boolean;
  fieldErrors?: Record<string, string>;
  message?: { tone: "error" | "info"; text: string } | null;
  /** Move focus to the heading (or the error summary) when the page loads: the session page. */
  takeFocus?: boolean;
  /** The step title's level: 1 on the session page, lower where the form is shown inside another page (the builder's preview). */
  headingLevel?: 1 | 2 | 3;
}

/**
 * One step of the participant's form, as a plain HTML form that posts to the page's own URL:
 * it works without JavaScript. Continue is first in the markup, so Enter in a field continues;
 * Back (a submit button with its own intent) sits to its left. Validation is the server's
 * (noValidate), so every participant gets the same messages.
 */
export function StepForm({ step, stepIndex, steps, values, submitted = false, fieldErrors = {}, message = null, takeFocus = false, headingLevel = 1 }: StepFormProps) {
  const Heading = `h${headingLevel}` as const;
  const isLast = stepIndex === steps.length - 1;
  const errorKeys = step.fields.map((f) => f.key).filter((key) => fieldErrors[key]);
  const valueOf = (field: TFormStep["fields"][number]) => {
    // After a failed submit, an unticked checkbox is absent from the submitted values (a
    // read-only one shows its stored value instead, which is never posted).
    if (submitted && field.type === "checkbox" && field.readOnly !== true) return values[field.key] !== undefined;
    return values[field.key];
  };
  return (
    <form method="post" noValidate data-session-form className="space-y-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" aria-labelledby="step-heading">
      <input type="hidden" name={STEP_INPUT} value={stepIndex} />
      <div className="space-y-3">
        <StepProgress steps={steps} current={stepIndex} />
        <Heading id="step-heading" tabIndex={-1} autoFocus={takeFocus && !message} className="text-2xl font-semibold break-words focus:outline-none">
          {step.title}
        </Heading>
        {step.description && <p className="whitespace-pre-line text-slate-600">{step.description}</p>}
      </div>
      {message && (
        <Alert tone={message.tone} tabIndex={-1} autoFocus={takeFocus}>
          <p>{message.text}</p>
          {errorKeys.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {errorKeys.map((key) => (
                <li key={key}>
                  <a href={`#field-${key}`} className="underline">
                    {step.fields.find((f) => f.key === key)!.label}: {fieldErrors[key]}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <div className="space-y-5">
        {step.fields
          .filter((field) => field.type !== "hidden")
          .map((field) => (
            <SessionField key={field.key} field={field} value={valueOf(field)} error={fieldErrors[field.key]} />
          ))}
      </div>
      <div className="flex flex-row-reverse flex-wrap items-center justify-between gap-3">
        <Button type="submit" name={INTENT_INPUT} value="next" data-pending-text={isLast ? "Submitting…" : "Saving…"} className="min-w-32">
          {isLast ? "Submit" : "Continue"}
        </Button>
        {stepIndex > 0 && (
          <Button type="submit" name={INTENT_INPUT} value="back" variant="secondary" data-pending-text="Going back…" formNoValidate>
            <span aria-hidden>←</span> Back
          </Button>
        )}
      </div>
    </form>
  );
}
