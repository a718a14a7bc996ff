import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

// The app's one labelled control: the label, an optional hint, the error message, and the id
// and aria attributes that tie them to the control, so a screen reader announces the hint and
// the error with it. Every form (sign-in, builder, webhook panel, session pages) uses it.

/** What the control inside a Field must spread: its id, border and aria wiring. */
export interface ControlProps {
  id: string;
  className: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** The input look; red border with an error. text-base under `sm` so phones don't zoom in. */
export function controlClass(error?: string): string {
  return `block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm placeholder:text-slate-400 disabled:bg-slate-50 sm:text-sm ${error ? "border-red-500" : "border-slate-300"}`;
}

/** The id of the message a control's aria-describedby names. */
const errorId = (id: string) => `${id}-error`;

/** An error message under a control (or under a group, for errors about the group as a whole). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}

export function Field({
  id,
  label,
  hint,
  error,
  className = "",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, className: controlClass(error), "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) })}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The aria-describedby of a control with this hint and error. */
export function describedBy(id: string, hint: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? errorId(id) : null].filter(Boolean).join(" ") || undefined;
}

/** The hint and error under a control, with the ids describedBy names (Field uses it; so can a control laid out otherwise). */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </div>
      )}
      <FieldError id={errorId(id)} message={error} />
    </>
  );
}

/** A labelled text input named `name` (id `field-{name}` unless given). */
export function TextField({
  label,
  name,
  error,
  hint,
  id,
  className = "",
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string }) {
  return (
    <Field id={id ?? `field-${name}`} label={label} hint={hint} error={error} className={className}>
      {(control) => <input name={name} {...control} {...props} />}
    </Field>
  );
}

/** A labelled select named `name` (id `field-{name}` unless given), for plain server-rendered forms. */
export function SelectField({
  label,
  name,
  options,
  id,
  className = "",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; options: readonly { value: string; label: string }[] }) {
  return (
    <Field id={id ?? `field-${name}`} label={label} className={className}>
      {(control) => (
        <select name={name} {...control} {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
