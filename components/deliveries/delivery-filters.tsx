import Link from "next/link";
import { SegmentedLinks } from "@/components/ui/segmented-links";

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

interface Filter {
  mode?: string;
  outcome?: string;
  reason?: string;
}

function href(base: string, { mode, outcome, reason }: Filter): string {
  const params = new URLSearchParams();
  if (mode) params.set("mode", mode);
  if (outcome) params.set("outcome", outcome);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** Mode and outcome choices; a reason filter (set by the overview's links) shows as a removable chip. */
export function DeliveryFilters({ base, mode, outcome, reason, reasonLabel }: { base: string; reasonLabel?: string } & Filter) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SegmentedLinks label="Mode" options={MODES.map((m) => ({ label: m.label, href: href(base, { mode: m.value, outcome, reason }), current: mode === m.value }))} />
      <SegmentedLinks label="Outcome" options={OUTCOMES.map((o) => ({ label: o.label, href: href(base, { mode, outcome: o.value }), current: outcome === o.value }))} />
      {reason && (
        <span className="inline-flex items-center gap-2 rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800 ring-1 ring-slate-300">
          Reason: {reasonLabel ?? reason}
          <Link href={href(base, { mode, outcome })} className="font-medium text-brand-700 underline">
            Clear<span className="sr-only"> the reason filter</span>
          </Link>
        </span>
      )}
    </div>
  );
}
