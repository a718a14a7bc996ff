"use client";

import { FieldError } from "@/components/ui/field";
import { PathInput, SmallButton } from "./editor-inputs";
import { inputId, issueAt, move, newOption, relabelOption, type Issues } from "./editor-state";
import { SortableList, useSortableItem } from "./sortable-list";

type Option = { value: string; label: string };

/** A select's options: label, value (derived from the label until edited; fixed once published), drag to reorder. */
export function OptionsEditor({
  options,
  path,
  fieldName,
  issues,
  publishedValues,
  onChange,
}: {
  options: Option[];
  path: (string | number)[];
  fieldName: string;
  issues: Issues;
  publishedValues: ReadonlySet<string>;
  onChange: (options: Option[]) => void;
}) {
  const list = inputId(path);
  return (
    <fieldset className="mt-3 space-y-2 sm:pl-10">
      <legend className="text-sm font-medium">Options</legend>
      <SortableList list={list} count={options.length} nameOf={(i) => `option "${options[i]?.label ?? ""}"`} onMove={(from, to) => onChange(move(options, from, to))}>
        <ul className="space-y-2">
          {options.map((option, i) => (
            <OptionRow
              key={i}
              list={list}
              index={i}
              option={option}
              path={[...path, i]}
              of={` of ${fieldName}`}
              issues={issues}
              frozen={publishedValues.has(option.value)}
              onLabel={(label) => onChange(relabelOption(options, i, label, publishedValues.has(option.value)))}
              onValue={(value) => onChange(options.map((o, j) => (j === i ? { ...o, value } : o)))}
              onRemove={() => onChange(options.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
      </SortableList>
      <FieldError id={`${inputId(path)}-error`} message={issueAt(issues, path)} />
      <SmallButton onClick={() => onChange([...options, newOption(options)])}>Add option</SmallButton>
    </fieldset>
  );
}

function OptionRow({
  list,
  index,
  option,
  path,
  of,
  issues,
  frozen,
  onLabel,
  onValue,
  onRemove,
}: {
  list: string;
  index: number;
  option: Option;
  path: (string | number)[];
  of: string;
  issues: Issues;
  frozen: boolean;
  onLabel: (label: string) => void;
  onValue: (value: string) => void;
  onRemove: () => void;
}) {
  const { setNodeRef, style, dragging, handle } = useSortableItem(list, index, `Reorder option ${option.label || index + 1}${of}`);
  return (
    <li ref={setNodeRef} style={style} className={`flex items-start gap-2 rounded-md bg-slate-50 ${dragging ? "relative z-10 shadow-lg" : ""}`}>
      <div className="pt-6">{handle}</div>
      <div className="grid min-w-0 flex-1 gap-2 sm:grid-cols-2">
        <PathInput label={`Option ${index + 1} label`} labelSuffix={of} path={[...path, "label"]} issues={issues} value={option.label} onValue={onLabel} />
        <PathInput
          label={`Option ${index + 1} value`}
          labelSuffix={frozen ? `${of} (published, fixed)` : of}
          path={[...path, "value"]}
          issues={issues}
          value={option.value}
          onValue={onValue}
          readOnly={frozen}
          spellCheck={false}
          autoCapitalize="off"
          className={frozen ? "[&_input]:bg-slate-100 [&_input]:text-slate-600" : ""}
        />
      </div>
      <SmallButton className="mt-6" onClick={onRemove} aria-label={`Remove option ${index + 1}${of}`}>
        Remove
      </SmallButton>
    </li>
  );
}
