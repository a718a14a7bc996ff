"use client";

import type { TField, TFormStep, TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { Field, FieldError } from "@/components/ui/field";
import { AddFieldPicker } from "./add-field-picker";
import { PathInput, SmallButton } from "./editor-inputs";
import { FieldEditor } from "./field-editor";
import { inputId, issueAt, move, newField, otherFieldKeys, retitleStep, type Issues } from "./editor-state";
import { SortableList, useSortableItem } from "./sortable-list";

/** One form step: title, id (derived from the title until edited), description and its fields. Dragged by its handle. */
export function StepEditor({
  step,
  index,
  list,
  definition,
  issues,
  publishedFields,
  onChange,
  onRemove,
  stepCount,
}: {
  step: TFormStep;
  index: number;
  list: string;
  definition: TWorkflowDefinition;
  issues: Issues;
  /** The live version's fields by key (their keys and option values are fixed). */
  publishedFields: ReadonlyMap<string, TField>;
  onChange: (step: TFormStep) => void;
  onRemove: () => void;
  stepCount: number;
}) {
  const path = ["steps", index];
  const fieldsPath = [...path, "fields"];
  const fieldsList = inputId(fieldsPath);
  const headingId = `step-${index}-heading`;
  const descriptionId = inputId([...path, "description"]);
  const otherStepIds = new Set(definition.steps.filter((_, i) => i !== index).map((s) => s.id));
  const { setNodeRef, style, dragging, handle } = useSortableItem(list, index, `Reorder step ${index + 1}${step.title ? `: ${step.title}` : ""}`);
  return (
    <section
      ref={setNodeRef}
      style={style}
      aria-labelledby={headingId}
      className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm ${dragging ? "relative z-20 shadow-lg" : ""}`}
    >
      <div className="flex items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-2">
          {handle}
          <h3 id={headingId} className="min-w-0 break-words font-semibold">
            Step {index + 1}
            {step.title ? `: ${step.title}` : ""}
          </h3>
        </div>
        <SmallButton onClick={onRemove} disabled={stepCount === 1} className="shrink-0 text-red-700" aria-label={`Remove step ${index + 1}`}>
          Remove step
        </SmallButton>
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <PathInput
          label="Step title"
          labelSuffix={` ${index + 1}`}
          path={[...path, "title"]}
          issues={issues}
          value={step.title}
          onValue={(title) => onChange(retitleStep(step, title, otherStepIds))}
        />
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
      <FieldError id={`${fieldsList}-error`} message={issueAt(issues, fieldsPath)} />
      <SortableList
        list={fieldsList}
        count={step.fields.length}
        nameOf={(i) => `field "${step.fields[i]?.label || step.fields[i]?.key || i + 1}"`}
        onMove={(from, to) => onChange({ ...step, fields: move(step.fields, from, to) })}
      >
        <ul className="mt-2 space-y-3">
          {step.fields.map((field, i) => (
            <FieldEditor
              key={i}
              field={field}
              path={[...fieldsPath, i]}
              list={fieldsList}
              index={i}
              issues={issues}
              otherKeys={otherFieldKeys(definition, index, i)}
              published={publishedFields.get(field.key)}
              onChange={(next) => onChange({ ...step, fields: step.fields.map((f, j) => (j === i ? next : f)) })}
              onRemove={() => onChange({ ...step, fields: step.fields.filter((_, j) => j !== i) })}
            />
          ))}
        </ul>
      </SortableList>
      <AddFieldPicker
        stepNumber={index + 1}
        onPick={(type) => {
          onChange({ ...step, fields: [...step.fields, newField(definition, type)] });
          // The new field's label is what one types next.
          requestAnimationFrame(() => document.getElementById(inputId([...fieldsPath, step.fields.length, "label"]))?.focus());
        }}
      />
    </section>
  );
}
