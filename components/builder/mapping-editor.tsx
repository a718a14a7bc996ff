"use client";

import type { TMappingEntry } from "@/lib/workflows/definition/schemas";
import { DetectedFieldsTable } from "./detected-fields-table";
import { FieldError } from "@/components/ui/field";
import { PathInput, PathSelect, SmallButton } from "./editor-inputs";
import { inputId, issueAt, type Issues } from "./editor-state";

export interface DetectedFieldHint {
  path: string;
  type: string;
  example: string | number | boolean | null;
}

/**
 * A field key to offer for a detected path: the unmapped key equal to the path's last name
 * (`customer.email` → `email`), case-insensitively, or none.
 */
function guessFieldKey(path: string, fieldKeys: string[], mapping: TMappingEntry[]): string {
  const last = /([A-Za-z0-9_]+)\]?$/.exec(path)?.[1]?.toLowerCase();
  const taken = new Set(mapping.map((m) => m.to));
  return fieldKeys.find((key) => key.toLowerCase() === last && !taken.has(key)) ?? "";
}

/** Payload path → field key rows; paths are suggested from the test payloads seen so far. */
export function MappingEditor({
  mapping,
  fieldKeys,
  detected,
  issues,
  onChange,
}: {
  mapping: TMappingEntry[];
  fieldKeys: string[];
  detected: DetectedFieldHint[];
  issues: Issues;
  onChange: (mapping: TMappingEntry[]) => void;
}) {
  const listId = "detected-payload-paths";
  const keyOptions = [{ value: "", label: "Choose a field…" }, ...fieldKeys.map((key) => ({ value: key, label: key }))];
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Prefill form fields from the webhook payload. A value that is missing or unusable leaves its field empty and the delivery
        log shows a warning; tick &ldquo;Required in payload&rdquo; to refuse such requests (422) instead. Write a path like{" "}
        <code>customer.email</code> or <code>items[0].sku</code>
        {detected.length > 0 ? "; paths seen in test requests are suggested." : ". Send a test request to get suggestions."}
      </p>
      <DetectedFieldsTable
        detected={detected}
        mappedPaths={new Set(mapping.map((m) => m.from))}
        onMap={(from) => onChange([...mapping, { from, to: guessFieldKey(from, fieldKeys, mapping) }])}
      />
      <datalist id={listId}>
        {detected.map((field) => (
          <option key={field.path} value={field.path}>
            {`${field.type}: ${String(field.example)}`}
          </option>
        ))}
      </datalist>
      {mapping.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600">No mappings yet.</p>
      ) : (
        <ul className="space-y-2">
          {mapping.map((entry, i) => (
            <li key={i} className="flex flex-wrap items-start gap-2">
              <PathInput
                label={`Payload path ${i + 1}`}
                path={["mapping", i, "from"]}
                issues={issues}
                value={entry.from}
                list={listId}
                spellCheck={false}
                autoCapitalize="off"
                placeholder="customer.email"
                onValue={(from) => onChange(mapping.map((m, j) => (j === i ? { ...m, from } : m)))}
                className="min-w-48 flex-1"
              />
              <span aria-hidden className="mt-8 hidden text-slate-500 sm:inline">
                →
              </span>
              <PathSelect
                label={`Field ${i + 1}`}
                path={["mapping", i, "to"]}
                issues={issues}
                value={entry.to}
                options={fieldKeys.includes(entry.to) || entry.to === "" ? keyOptions : [...keyOptions, { value: entry.to, label: `${entry.to} (missing)` }]}
                onValue={(to) => onChange(mapping.map((m, j) => (j === i ? { ...m, to } : m)))}
                className="min-w-40"
              />
              <label className="mt-8 flex items-center gap-1.5 text-sm" title="Refuse payloads without a usable value here (422) instead of starting the session with the field empty">
                <input
                  type="checkbox"
                  checked={entry.required === true}
                  onChange={(e) => onChange(mapping.map((m, j) => (j === i ? { ...m, required: e.target.checked ? true : undefined } : m)))}
                  className="h-4 w-4 rounded border-slate-300"
                />
                Required in payload
              </label>
              <SmallButton className="mt-6" aria-label={`Remove mapping ${i + 1}`} onClick={() => onChange(mapping.filter((_, j) => j !== i))}>
                Remove
              </SmallButton>
            </li>
          ))}
        </ul>
      )}
      <FieldError id={`${inputId(["mapping"])}-error`} message={issueAt(issues, ["mapping"])} />
      <SmallButton onClick={() => onChange([...mapping, { from: "", to: "" }])}>Add mapping</SmallButton>
    </div>
  );
}
