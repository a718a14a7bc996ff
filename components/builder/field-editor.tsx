"use client";

import type { TField, TFieldType } from "@/lib/workflows/definition/schemas";
import { FIELD_TYPES } from "@/lib/workflows/definition/field-schemas";
import { FieldError } from "@/components/ui/field";
import { PathInput, PathSelect, SmallButton } from "./editor-inputs";
import { FIELD_TYPE_LABELS, inputId, issueAt, withFieldType, type Issues } from "./editor-state";

/** One form field: label, key, type, required, and the options of a select. */
export function FieldEditor({
  field,
  path,
  issues,
  onChange,
  onRemove,
  onMove,
  isFirst,
  isLast,
}: {
  field: TField;
  path: (string | number)[];
  issues: Issues;
  onChange: (field: TField) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
  isFirst: boolean;
  isLast: boolean;
}) {
  const name = field.label || field.key;
  // Screen readers hear "Key of Email", not a column of identical "Key" inputs. The label input
  // itself is named by position (its own text would change its name while being typed).
  const position = typeof path[1] === "number" && typeof path[3] === "number" ? `field ${path[3] + 1} of step ${path[1] + 1}` : "this field";
  const of = ` of ${name.trim() || position}`;
  const requiredId = inputId([...path, "required"]);
  const readOnlyId = inputId([...path, "readOnly"]);
  const optionsPath = [...path, "options"];
  return (
    <li className="rounded-lg border border-slate-200 bg-slate-50/60 p-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <PathInput label="Label" labelSuffix={`, ${position}`} path={[...path, "label"]} issues={issues} value={field.label} onValue={(label) => onChange({ ...field, label })} />
        <PathInput
          label="Key"
          labelSuffix={of}
          path={[...path, "key"]}
          issues={issues}
          value={field.key}
          onValue={(key) => onChange({ ...field, key })}
          spellCheck={false}
          autoCapitalize="off"
        />
        <PathSelect
          label="Type"
          labelSuffix={of}
          path={[...path, "type"]}
          issues={issues}
          value={field.type}
          onValue={(type) => onChange(withFieldType(field, type as TFieldType))}
          options={FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }))}
        />
        <div className="flex items-end gap-2 pb-2">
          <input
            id={requiredId}
            type="checkbox"
            checked={field.required}
            onChange={(e) => onChange({ ...field, required: e.target.checked })}
            className="h-4 w-4 rounded border-slate-300"
          />
          <label htmlFor={requiredId} className="text-sm font-medium">
            Required
            <span className="sr-only">{of}</span>
          </label>
          {field.type !== "hidden" && (
            <>
              <input
                id={readOnlyId}
                type="checkbox"
                checked={field.readOnly === true}
                onChange={(e) => onChange({ ...field, readOnly: e.target.checked ? true : undefined })}
                className="ml-3 h-4 w-4 rounded border-slate-300"
                aria-describedby={`${readOnlyId}-hint`}
              />
              <label htmlFor={readOnlyId} className="text-sm font-medium">
                Read-only
              </label>
              <span id={`${readOnlyId}-hint`} className="sr-only">
                Shows the prefilled value; the participant cannot change it.
              </span>
            </>
          )}
        </div>
      </div>
      {field.type === "select" && (
        <fieldset className="mt-3 space-y-2">
          <legend className="text-sm font-medium">Options</legend>
          <ul className="space-y-2">
            {field.options.map((option, i) => (
              <li key={i} className="flex flex-wrap items-start gap-2">
                <PathInput
                  label={`Option ${i + 1} label`}
                  labelSuffix={of}
                  path={[...optionsPath, i, "label"]}
                  issues={issues}
                  value={option.label}
                  onValue={(label) => onChange({ ...field, options: field.options.map((o, j) => (j === i ? { ...o, label } : o)) })}
                  className="min-w-40 flex-1"
                />
                <PathInput
                  label={`Option ${i + 1} value`}
                  labelSuffix={of}
                  path={[...optionsPath, i, "value"]}
                  issues={issues}
                  value={option.value}
                  onValue={(value) => onChange({ ...field, options: field.options.map((o, j) => (j === i ? { ...o, value } : o)) })}
                  className="min-w-40 flex-1"
                />
                <SmallButton
                  className="mt-6"
                  onClick={() => onChange({ ...field, options: field.options.filter((_, j) => j !== i) })}
                  aria-label={`Remove option ${i + 1} of ${name}`}
                >
                  Remove
                </SmallButton>
              </li>
            ))}
          </ul>
          <FieldError id={`${inputId(optionsPath)}-error`} message={issueAt(issues, optionsPath)} />
          <SmallButton
            onClick={() =>
              onChange({ ...field, options: [...field.options, { value: `option-${field.options.length + 1}`, label: `Option ${field.options.length + 1}` }] })
            }
          >
            Add option
          </SmallButton>
        </fieldset>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <SmallButton onClick={() => onMove(-1)} disabled={isFirst} aria-label={`Move field ${name} up`}>
          ↑ Up
        </SmallButton>
        <SmallButton onClick={() => onMove(1)} disabled={isLast} aria-label={`Move field ${name} down`}>
          ↓ Down
        </SmallButton>
        <SmallButton onClick={onRemove} className="text-red-700" aria-label={`Remove field ${name}`}>
          Remove field
        </SmallButton>
      </div>
    </li>
  );
}
