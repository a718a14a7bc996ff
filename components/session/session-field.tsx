import type { TField } from "@/lib/workflows/definition/schemas";

const inputClass = (error?: string) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm sm:text-sm ${error ? "border-red-500" : "border-slate-300"}`;

/** One participant-facing input; `value` is what the participant typed last or the prefill. */
export function SessionField({ field, value, error }: { field: TField; value: string | number | boolean | undefined; error?: string }) {
  const id = `field-${field.key}`;
  const describedBy = [field.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.key,
    required: field.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  const text = value === undefined || typeof value === "boolean" ? "" : String(value);

  if (field.type === "checkbox") {
    return (
      <div className="space-y-1">
        <div className="flex items-start gap-3">
          <input {...common} type="checkbox" defaultChecked={value === true || value === "on" || value === "true"} className="mt-0.5 h-5 w-5 rounded border-slate-300" />
          <label htmlFor={id} className="text-sm font-medium">
            {field.label}
            {field.required && <RequiredMark />}
          </label>
        </div>
        <Help id={id} field={field} />
        <ErrorText id={id} error={error} />
      </div>
    );
  }

  let control: React.ReactNode;
  if (field.type === "textarea") {
    control = <textarea {...common} rows={4} defaultValue={text} placeholder={field.placeholder} className={inputClass(error)} />;
  } else if (field.type === "select") {
    control = (
      <select {...common} defaultValue={text} className={inputClass(error)}>
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
        {field.required && <RequiredMark />}
      </label>
      {control}
      <Help id={id} field={field} />
      <ErrorText id={id} error={error} />
    </div>
  );
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
