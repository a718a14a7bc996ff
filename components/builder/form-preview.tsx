"use client";

import { useMemo, useState } from "react";
import { SessionCompleted } from "@/components/session/session-completed";
import { StepForm } from "@/components/session/step-form";
import { INTENT_INPUT } from "@/lib/sessions/session-form-names";
import type { TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { previewValues } from "./preview-values";

export type PreviewWidth = "phone" | "wide";

/**
 * What a participant will see, drawn by the session page's own StepForm from the definition on
 * screen (saved or not), so the preview cannot drift from `/s/{token}`. Continue and Back move
 * between steps here instead of posting; the sample values come from the latest test payload
 * through the draft's mapping, as a test session would be prefilled.
 */
export function FormPreview({
  definition,
  samplePayload,
  width,
  onWidth,
}: {
  definition: TWorkflowDefinition;
  samplePayload: unknown;
  width: PreviewWidth;
  onWidth: (width: PreviewWidth) => void;
}) {
  // A step's index, or steps.length for the completion screen.
  const [chosen, setChosen] = useState(0);
  const steps = definition.steps;
  const done = chosen >= steps.length && steps.length > 0;
  const stepIndex = Math.min(chosen, Math.max(steps.length - 1, 0));
  const step = steps[stepIndex];
  const values = useMemo(() => previewValues(definition, samplePayload), [definition, samplePayload]);

  function onSubmit(event: React.FormEvent<HTMLDivElement>) {
    // The previewed form is the real one, which posts; here Continue and Back only switch steps.
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const back = submitter?.name === INTENT_INPUT && submitter.value === "back";
    setChosen(Math.max(0, Math.min(steps.length, stepIndex + (back ? -1 : 1))));
  }

  return (
    <section aria-labelledby="preview-heading" className="space-y-3 rounded-xl border border-slate-200 bg-slate-100 p-3" data-testid="form-preview">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview
        </h2>
        <div role="group" aria-label="Preview width" className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white text-sm">
          {(["phone", "wide"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={width === option}
              onClick={() => onWidth(option)}
              className={`border-r border-slate-300 px-3 py-1 last:border-r-0 ${width === option ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-50"}`}
            >
              {option === "phone" ? "Phone" : "Wide"}
            </button>
          ))}
        </div>
      </div>
      {steps.length > 0 && (
        <div role="group" aria-label="Previewed step" className="flex flex-wrap gap-1.5">
          {[...steps.map((s, i) => `${i + 1}. ${s.title || "Untitled step"}`), "Done"].map((name, i) => {
            const current = done ? i === steps.length : i === stepIndex;
            return (
              <button
                key={i}
                type="button"
                aria-pressed={current}
                onClick={() => setChosen(i)}
                className={`max-w-full truncate rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset ${current ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
              >
                {name}
              </button>
            );
          })}
        </div>
      )}
      <p className="text-xs text-slate-600" data-testid="preview-sample-note">
        {samplePayload === null
          ? "Prefilled values appear here once a test request has been sent to the test URL."
          : "Prefilled with the latest test request's payload through this draft's mapping."}
      </p>
      <div onSubmit={onSubmit} className={width === "phone" ? "mx-auto w-full max-w-[390px]" : "w-full"}>
        {done ? (
          <SessionCompleted completedAt={null} embed={false} headingLevel={3} />
        ) : step ? (
          // Remounted when the step or its sample values change: the form's inputs take their values once.
          <StepForm
            key={`${stepIndex}:${JSON.stringify(values)}`}
            step={{ ...step, title: step.title || "Untitled step" }}
            stepIndex={stepIndex}
            steps={steps.map((s) => ({ id: s.id, title: s.title }))}
            values={values}
            headingLevel={3}
          />
        ) : (
          <p className="text-sm text-slate-600">Add a step to see the form.</p>
        )}
      </div>
    </section>
  );
}
