"use client";

import type { TFormStep, TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { Field, FieldError } from "@/components/ui/field";
import { PathInput, SmallButton } from "./editor-inputs";
import { FieldEditor } from "./field-editor";
import { inputId, issueAt, move, newField, type Issues } from "./editor-state";

/** One form step: title, id, description and its fields. */
export function StepEditor({
  step,
  index,
  definition,
  issues,
  onChange,
  onRemove,
  onMove,
  stepCount,
}: {
  step: TFormStep;
  index: number;
  definition: TWorkflowDefinition;
  issues: Issues;
  onChange: (step: TFormStep) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
  stepCount: number;
}) {
  const path = ["steps", index];
  const fieldsPath = [...path, "fields"];
  const headingId = `step-${index}-heading`;
  const descriptionId = inputId([...path, "description"]);
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          Step {index + 1}
          {step.title ? `: ${step.title}` : ""}
        </h3>
        <div className="flex flex-wrap gap-2">
          <SmallButton onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move step ${index + 1} up`}>
            ↑ Up
          </SmallButton>
          <SmallButton onClick={() => onMove(1)} disabled={index === stepCount - 1} aria-label={`Move step ${index + 1} down`}>
            ↓ Down
          </SmallButton>
          <SmallButton onClick={onRemove} disabled={stepCount === 1} className="text-red-700" aria-label={`Remove step ${index + 1}`}>
            Remove step
          </SmallButton>
        </div>
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <PathInput label="Step title" labelSuffix={` ${index + 1}`} path={[...path, "title"]} issues={issues} value={step.title} onValue={(title) => onChange({ ...step, title })} />
        <PathInput
          label="Step id"
          labelSuffix={` of step ${index + 1}`}
          path={[...path, "id"]}
          issues={issues}
          value={step.id}
          onValue={(id) => onChange({ ...step, id })}
          spellCheck={false}
          autoCapitalize="off"
        />
      </div>
      <Field
        id={descriptionId}
        className="mt-3"
        label={
          <>
            Description <span className="sr-only">of step {index + 1}</span> <span className="font-normal text-slate-600">(optional)</span>
          </>
        }
        error={issueAt(issues, [...path, "description"])}
      >
        {(control) => <textarea {...control} rows={2} value={step.description ?? ""} onChange={(e) => onChange({ ...step, description: e.target.value || undefined })} />}
      </Field>
      <h4 className="mt-4 text-sm font-semibold text-slate-800">Fields</h4>
      {step.fields.length === 0 && <p className="mt-1 text-sm text-slate-600">No fields yet. A step needs at least one field to publish.</p>}
      <FieldError id={`${inputId(fieldsPath)}-error`} message={issueAt(issues, fieldsPath)} />
      <ul className="mt-2 space-y-3">
        {step.fields.map((field, i) => (
          <FieldEditor
            key={i}
            field={field}
            path={[...fieldsPath, i]}
            issues={issues}
            isFirst={i === 0}
            isLast={i === step.fields.length - 1}
            onChange={(next) => onChange({ ...step, fields: step.fields.map((f, j) => (j === i ? next : f)) })}
            onRemove={() => onChange({ ...step, fields: step.fields.filter((_, j) => j !== i) })}
            onMove={(delta) => onChange({ ...step, fields: move(step.fields, i, i + delta) })}
          />
        ))}
      </ul>
      <SmallButton className="mt-3" onClick={() => onChange({ ...step, fields: [...step.fields, newField(definition)] })}>
        Add field to step {index + 1}
      </SmallButton>
    </section>
  );
}
