import Link from "next/link";

// Filters as plain links (no client state): the URL is the filter, so it can be shared.

const MODES = [
  { value: undefined, label: "All" },
  { value: "live", label: "Live" },
  { value: "test", label: "Test" },
] as const;
const OUTCOMES = [
  { value: undefined, label: "Any outcome" },
  { value: "accepted", label: "Accepted" },
  { value: "duplicate", label: "Duplicate" },
  { value: "rejected", label: "Rejected" },
] as const;

function href(base: string, mode?: string, outcome?: string): string {
  const params = new URLSearchParams();
  if (mode) params.set("mode", mode);
  if (outcome) params.set("outcome", outcome);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

function Group({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white text-sm">
      {children}
    </div>
  );
}

function Choice({ to, current, children }: { to: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={to}
      aria-current={current ? "true" : undefined}
      className={`border-r border-slate-300 px-3 py-1.5 last:border-r-0 ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-50"}`}
    >
      {children}
    </Link>
  );
}

export function DeliveryFilters({ base, mode, outcome }: { base: string; mode?: string; outcome?: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Group label="Mode">
        {MODES.map((m) => (
          <Choice key={m.label} to={href(base, m.value, outcome)} current={mode === m.value}>
            {m.label}
          </Choice>
        ))}
      </Group>
      <Group label="Outcome">
        {OUTCOMES.map((o) => (
          <Choice key={o.label} to={href(base, mode, o.value)} current={outcome === o.value}>
            {o.label}
          </Choice>
        ))}
      </Group>
    </div>
  );
}
