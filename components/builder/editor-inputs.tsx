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

/** A text input bound to one definition path; its zod issue appears right under it. */
export function PathInput({
  label,
  path,
  issues,
  value,
  onValue,
  className = "",
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "id"> & {
  label: string;
  path: (string | number)[];
  issues: Issues;
  value: string;
  onValue: (value: string) => void;
}) {
  const id = inputId(path);
  const error = issueAt(issues, path);
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass(error)}
        {...props}
      />
      <IssueText id={`${id}-error`} message={error} />
    </div>
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
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "id"> & {
  label: string;
  path: (string | number)[];
  issues: Issues;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = inputId(path);
  const error = issueAt(issues, path);
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass(error)}
        {...props}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <IssueText id={`${id}-error`} message={error} />
    </div>
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
