"use client";

import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { Field, type ControlProps } from "@/components/ui/field";
import { inputId, issueAt, type Issues } from "./editor-state";

interface PathBinding {
  label: string;
  /**
   * Said after the label by screen readers only, so two fields' "Key" inputs have different
   * names (e.g. " of Email"): a list of same-named inputs can't be told apart.
   */
  labelSuffix?: string;
  path: (string | number)[];
  issues: Issues;
  value: string;
  onValue: (value: string) => void;
}

/** A Field bound to one definition path: its id, its zod issue, its value and change handler. */
function PathControl({
  label,
  labelSuffix,
  path,
  issues,
  value,
  onValue,
  className,
  children,
}: PathBinding & {
  className: string;
  children: (control: ControlProps & { value: string; onChange: (event: { target: { value: string } }) => void }) => React.ReactNode;
}) {
  return (
    <Field
      id={inputId(path)}
      label={
        <>
          {label}
          {labelSuffix && <span className="sr-only">{labelSuffix}</span>}
        </>
      }
      error={issueAt(issues, path)}
      className={className}
    >
      {(control) => children({ ...control, value, onChange: (e) => onValue(e.target.value) })}
    </Field>
  );
}

/** A text input bound to one definition path; its zod issue appears right under it. */
export function PathInput({
  label,
  labelSuffix,
  path,
  issues,
  value,
  onValue,
  className = "",
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "id"> & PathBinding) {
  return (
    <PathControl {...{ label, labelSuffix, path, issues, value, onValue, className }}>
      {(control) => <input {...control} {...props} />}
    </PathControl>
  );
}

export function PathSelect({
  label,
  labelSuffix,
  path,
  issues,
  value,
  onValue,
  options,
  className = "",
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "id"> & PathBinding & { options: { value: string; label: string }[] }) {
  return (
    <PathControl {...{ label, labelSuffix, path, issues, value, onValue, className }}>
      {(control) => (
        <select {...control} {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </PathControl>
  );
}

export function SmallButton({ children, className = "", ...props }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      className={`rounded-md px-2 py-1 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40 ${className}`}
      {...props}
    >
      {children}
    </button>
  );
}
