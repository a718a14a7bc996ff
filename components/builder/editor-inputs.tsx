"use client";

import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { inputId, issueAt, type Issues } from "./editor-state";

const inputClass = (error?: string) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm disabled:bg-slate-50 ${error ? "border-red-500" : "border-slate-300"}`;

export function IssueText({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}

interface PathBinding {
  label: string;
  path: (string | number)[];
  issues: Issues;
  value: string;
  onValue: (value: string) => void;
}

/**
 * The label, the error wiring (aria-invalid, aria-describedby, the message under the control)
 * and the change handler that every control bound to a definition path shares.
 */
function PathControl({
  label,
  path,
  issues,
  value,
  onValue,
  className,
  children,
}: PathBinding & {
  className: string;
  children: (control: {
    id: string;
    value: string;
    onChange: (event: { target: { value: string } }) => void;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
    className: string;
  }) => React.ReactNode;
}) {
  const id = inputId(path);
  const error = issueAt(issues, path);
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id,
        value,
        onChange: (e) => onValue(e.target.value),
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
        className: inputClass(error),
      })}
      <IssueText id={`${id}-error`} message={error} />
    </div>
  );
}

/** A text input bound to one definition path; its zod issue appears right under it. */
export function PathInput({
  label,
  path,
  issues,
  value,
  onValue,
  className = "",
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "id"> & PathBinding) {
  return (
    <PathControl {...{ label, path, issues, value, onValue, className }}>
      {(control) => <input {...control} {...props} />}
    </PathControl>
  );
}

export function PathSelect({
  label,
  path,
  issues,
  value,
  onValue,
  options,
  className = "",
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "id"> & PathBinding & { options: { value: string; label: string }[] }) {
  return (
    <PathControl {...{ label, path, issues, value, onValue, className }}>
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
