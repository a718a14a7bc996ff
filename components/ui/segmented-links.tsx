import Link from "next/link";

// A row of mutually exclusive choices as plain links (no client state): the URL is the
// choice, so it can be shared and works without JavaScript.

export interface SegmentOption {
  label: string;
  href: string;
  current: boolean;
}

export function SegmentedLinks({ label, options }: { label: string; options: SegmentOption[] }) {
  return (
    <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white text-sm">
      {options.map((option) => (
        <Link
          key={option.label}
          href={option.href}
          aria-current={option.current ? "true" : undefined}
          className={`border-r border-slate-300 px-3 py-1.5 last:border-r-0 ${option.current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-50"}`}
        >
          {option.label}
        </Link>
      ))}
    </div>
  );
}
