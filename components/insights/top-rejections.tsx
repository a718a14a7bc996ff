import Link from "next/link";
import type { TopRejection } from "@/lib/insights/get-workflow-overview";
import { formatCount } from "./bucket-labels";

/** The most frequent rejection reasons, each with what it means, its fix and its rows in the log. */
export function TopRejections({ rejections, deliveriesHref }: { rejections: TopRejection[]; deliveriesHref: (reasonCode: string) => string }) {
  if (rejections.length === 0) return <p className="text-sm text-slate-600">No rejected requests in this range.</p>;
  return (
    <ol className="divide-y divide-slate-200">
      {rejections.map((r) => (
        <li key={r.reasonCode} className="space-y-1 py-3 first:pt-0 last:pb-0" data-testid="top-rejection">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <h4 className="font-medium">
              {r.label} <code className="text-xs font-normal text-slate-600">{r.reasonCode}</code>
            </h4>
            <span className="tabular-nums text-sm text-slate-700">{formatCount(r.count)}</span>
          </div>
          <p className="text-sm text-slate-700">{r.words}</p>
          {r.fix && (
            <p className="text-sm">
              <span className="font-medium">Fix: </span>
              {r.fix}
            </p>
          )}
          <Link href={deliveriesHref(r.reasonCode)} className="inline-block text-sm font-medium text-brand-700 underline">
            Show them in the delivery log<span className="sr-only"> ({r.label})</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
