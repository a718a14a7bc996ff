import type { SelectHTMLAttributes } from "react";

/** A labelled select, styled like TextField, for plain (server-rendered) forms. */
export function SelectField({
  label,
  name,
  options,
  id,
  className = "",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; options: readonly { value: string; label: string }[] }) {
  const selectId = id ?? `field-${name}`;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={selectId} name={name} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm" {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
