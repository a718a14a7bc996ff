import type { TField } from "@/lib/workflows/definition/schemas";

const inputClass = (error?: string) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm sm:text-sm ${error ? "border-red-500" : "border-slate-300"}`;

/**
 * One participant-facing input; `value` is what the participant typed last or the prefill.
 * A read-only field shows its prefill and cannot be changed (the server ignores what a browser
 * sends for it anyway); hidden fields are never rendered.
 */
export function SessionField({ field, value, error }: { field: TField; value: string | number | boolean | undefined; error?: string }) {
  if (field.type === "hidden") return null;
  const id = `field-${field.key}`;
  const readOnly = field.readOnly === true;
  const describedBy = [field.help ? `${id}-help` : null, readOnly ? `${id}-readonly` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.key,
    required: field.required && !readOnly,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  // Selects and checkboxes have no readOnly attribute: they are disabled instead.
  const lock = readOnly ? ({ readOnly: true, "aria-readonly": true } as const) : {};
  const disable = readOnly ? { disabled: true } : {};
  const text = value === undefined || typeof value === "boolean" ? "" : String(value);

  if (field.type === "checkbox") {
    return (
      <div className="space-y-1">
        <div className="flex items-start gap-3">
          <input {...common} {...disable} type="checkbox" defaultChecked={value === true || value === "on" || value === "true"} className="mt-0.5 h-5 w-5 rounded border-slate-300" />
          <label htmlFor={id} className="text-sm font-medium">
            {field.label}
            {field.required && <RequiredMark />}
          </label>
        </div>
        <Help id={id} field={field} />
        <ReadOnlyNote id={id} readOnly={readOnly} />
        <ErrorText id={id} error={error} />
      </div>
    );
  }

  let control: React.ReactNode;
  if (field.type === "textarea") {
    control = <textarea {...common} {...lock} rows={4} defaultValue={text} placeholder={field.placeholder} className={inputClass(error)} />;
  } else if (field.type === "select") {
    control = (
      <select {...common} {...disable} defaultValue={text} className={inputClass(error)}>
        <option value="">Choose…</option>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const type = field.type === "text" ? "text" : field.type;
    control = (
      <input
        {...common}
        {...lock}
        type={type}
        step={field.type === "number" ? "any" : undefined}
        inputMode={field.type === "number" ? "decimal" : undefined}
        autoComplete={field.type === "email" ? "email" : undefined}
        defaultValue={text}
        placeholder={field.placeholder}
        className={inputClass(error)}
      />
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {field.label}
        {field.required && !readOnly && <RequiredMark />}
      </label>
      {control}
      <Help id={id} field={field} />
      <ReadOnlyNote id={id} readOnly={readOnly} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

function ReadOnlyNote({ id, readOnly }: { id: string; readOnly: boolean }) {
  return readOnly ? (
    <p id={`${id}-readonly`} className="text-xs text-slate-600">
      Filled in for you; it cannot be changed here.
    </p>
  ) : null;
}

function RequiredMark() {
  return (
    <span className="text-red-700">
      <span aria-hidden> *</span>
      <span className="sr-only"> (required)</span>
    </span>
  );
}

function Help({ id, field }: { id: string; field: TField }) {
  return field.help ? (
    <p id={`${id}-help`} className="text-xs text-slate-600">
      {field.help}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="text-sm text-red-700">
      {error}
    </p>
  ) : null;
}
