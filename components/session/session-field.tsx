import { describedBy, Field, FieldNotes, type ControlProps } from "@/components/ui/field";
import type { TField } from "@/lib/workflows/definition/schemas";

/**
 * One participant-facing input; `value` is what the participant typed last or the prefill.
 * A read-only field shows its prefill and cannot be changed (the server ignores what a browser
 * sends for it anyway); hidden fields are never rendered.
 */
export function SessionField({ field, value, error }: { field: TField; value: string | number | boolean | undefined; error?: string }) {
  if (field.type === "hidden") return null;
  const id = `field-${field.key}`;
  const readOnly = field.readOnly === true;
  const hint =
    field.help || readOnly ? (
      <>
        {field.help && <p>{field.help}</p>}
        {readOnly && <p>Filled in for you; it cannot be changed here.</p>}
      </>
    ) : undefined;
  const named = { name: field.key, required: field.required && !readOnly };
  // Selects and checkboxes have no readOnly attribute: they are disabled instead.
  const lock = readOnly ? ({ readOnly: true, "aria-readonly": true } as const) : {};
  const disable = readOnly ? { disabled: true } : {};
  const text = value === undefined || typeof value === "boolean" ? "" : String(value);

  if (field.type === "checkbox") {
    // The one control whose label follows it; the same notes and aria wiring as Field.
    return (
      <div className="space-y-1">
        <div className="flex items-start gap-3">
          <input
            id={id}
            {...named}
            {...disable}
            type="checkbox"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error)}
            defaultChecked={value === true || value === "on" || value === "true"}
            className="mt-0.5 h-5 w-5 rounded border-slate-300"
          />
          <label htmlFor={id} className="text-sm font-medium">
            {field.label}
            {field.required && <RequiredMark />}
          </label>
        </div>
        <FieldNotes id={id} hint={hint} error={error} />
      </div>
    );
  }

  const control = (props: ControlProps) => {
    if (field.type === "textarea") return <textarea {...props} {...named} {...lock} rows={4} defaultValue={text} placeholder={field.placeholder} />;
    if (field.type === "select") {
      return (
        <select {...props} {...named} {...disable} defaultValue={text}>
          <option value="">Choose…</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    }
    return (
      <input
        {...props}
        {...named}
        {...lock}
        type={field.type === "text" ? "text" : field.type}
        step={field.type === "number" ? "any" : undefined}
        inputMode={field.type === "number" ? "decimal" : undefined}
        autoComplete={field.type === "email" ? "email" : undefined}
        defaultValue={text}
        placeholder={field.placeholder}
      />
    );
  };
  return (
    <Field
      id={id}
      label={
        <>
          {field.label}
          {field.required && !readOnly && <RequiredMark />}
        </>
      }
      hint={hint}
      error={error}
    >
      {control}
    </Field>
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
