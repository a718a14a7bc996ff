"use client";

import type { TField, TFieldType } from "@/lib/workflows/definition/schemas";
import { FIELD_TYPES } from "@/lib/workflows/definition/field-schemas";
import { PathInput, PathSelect, SmallButton } from "./editor-inputs";
import { FIELD_TYPE_LABELS, inputId, relabelField, withFieldType, type Issues } from "./editor-state";
import { OptionsEditor } from "./options-editor";
import { useSortableItem } from "./sortable-list";

/**
 * One form field: label, key (derived from the label until edited; fixed once published),
 * type, required, read-only, and the options of a select. Dragged by its handle.
 */
export function FieldEditor({
  field,
  path,
  list,
  index,
  issues,
  otherKeys,
  published,
  onChange,
  onRemove,
}: {
  field: TField;
  path: (string | number)[];
  list: string;
  index: number;
  issues: Issues;
  /** Every other key in the form: the derived key stays unique. */
  otherKeys: ReadonlySet<string>;
  /** The live version's field of the same key, if any: its key and option values are fixed. */
  published: TField | undefined;
  onChange: (field: TField) => void;
  onRemove: () => void;
}) {
  const name = field.label || field.key;
  // Screen readers hear "Key of Email", not a column of identical "Key" inputs. The label input
  // itself is named by position (its own text would change its name while being typed).
  const position = typeof path[1] === "number" && typeof path[3] === "number" ? `field ${path[3] + 1} of step ${path[1] + 1}` : "this field";
  const of = ` of ${name.trim() || position}`;
  const requiredId = inputId([...path, "required"]);
  const readOnlyId = inputId([...path, "readOnly"]);
  const { setNodeRef, style, dragging, handle } = useSortableItem(list, index, `Reorder field ${name.trim() || position}`);
  return (
    <li ref={setNodeRef} style={style} className={`rounded-lg border border-slate-200 bg-slate-50 p-3 ${dragging ? "relative z-10 shadow-lg" : ""}`}>
      <div className="flex items-start gap-2">
        <div className="pt-6">{handle}</div>
        <div className="grid min-w-0 flex-1 gap-3 sm:grid-cols-2">
          <PathInput
            label="Label"
            labelSuffix={`, ${position}`}
            path={[...path, "label"]}
            issues={issues}
            value={field.label}
            onValue={(label) => onChange(relabelField(field, label, otherKeys, published !== undefined))}
          />
          <div className="min-w-0">
            <PathInput
              label="Key"
              labelSuffix={published ? `${of} (published, fixed)` : of}
              path={[...path, "key"]}
              issues={issues}
              value={field.key}
              onValue={(key) => onChange({ ...field, key })}
              readOnly={published !== undefined}
              spellCheck={false}
              autoCapitalize="off"
              className={published ? "[&_input]:bg-slate-100 [&_input]:text-slate-600" : ""}
            />
            {published && (
              <p aria-hidden className="mt-1 text-xs text-slate-600">
                Fixed since published: mappings use it.
              </p>
            )}
          </div>
          <PathSelect
            label="Type"
            labelSuffix={of}
            path={[...path, "type"]}
            issues={issues}
            value={field.type}
            onValue={(type) => onChange(withFieldType(field, type as TFieldType))}
            options={FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }))}
          />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:pt-6">
            <span className="flex items-center gap-2">
              <input id={requiredId} type="checkbox" checked={field.required} onChange={(e) => onChange({ ...field, required: e.target.checked })} className="h-4 w-4 rounded border-slate-300" />
              <label htmlFor={requiredId} className="text-sm font-medium">
                Required
                <span className="sr-only">{of}</span>
              </label>
            </span>
            {field.type !== "hidden" && (
              <span className="flex items-center gap-2">
                <input
                  id={readOnlyId}
                  type="checkbox"
                  checked={field.readOnly === true}
                  onChange={(e) => onChange({ ...field, readOnly: e.target.checked ? true : undefined })}
                  className="h-4 w-4 rounded border-slate-300"
                  aria-describedby={`${readOnlyId}-hint`}
                />
                <label htmlFor={readOnlyId} className="text-sm font-medium">
                  Read-only
                </label>
                <span id={`${readOnlyId}-hint`} className="sr-only">
                  Shows the prefilled value; the participant cannot change it.
                </span>
              </span>
            )}
            <SmallButton onClick={onRemove} className="ml-auto text-red-700" aria-label={`Remove field ${name}`}>
              Remove
            </SmallButton>
          </div>
        </div>
      </div>
      {field.type === "select" && (
        <OptionsEditor
          options={field.options}
          path={[...path, "options"]}
          fieldName={name}
          issues={issues}
          publishedValues={new Set(published?.type === "select" ? published.options.map((o) => o.value) : [])}
          onChange={(options) => onChange({ ...field, options })}
        />
      )}
    </li>
  );
}
