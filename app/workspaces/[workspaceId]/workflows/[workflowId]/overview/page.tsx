import Link from "next/link";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { getWorkflowOverview } from "@/lib/insights/get-workflow-overview";
import { INSIGHT_RANGES, rangeFromParam, type TInsightRange } from "@/lib/insights/ranges";
import { DeliveriesChart } from "@/components/insights/deliveries-chart";
import { SessionFunnel } from "@/components/insights/session-funnel";
import { TopRejections } from "@/components/insights/top-rejections";
import { SegmentedLinks } from "@/components/ui/segmented-links";

export const metadata = { title: "Overview" };

type Search = { range?: string | string[]; mode?: string | string[] };

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; workflowId: string }>;
  searchParams: Promise<Search>;
}) {
  const { workspaceId, workflowId } = await params;
  const search = await searchParams;
  const range = rangeFromParam(search.range);
  const test = search.mode === "test";
  const overview = await getWorkflowOverview(await getDb(), await currentActor(), workflowId, { range, test });
  const base = `/workspaces/${workspaceId}/workflows/${workflowId}`;
  const here = (next: { range?: TInsightRange; test?: boolean }) => {
    const query = new URLSearchParams({ range: next.range ?? range, mode: (next.test ?? test) ? "test" : "live" });
    return `${base}/overview?${query}`;
  };
  const modeWord = test ? "test" : "live";
  const empty = overview.deliveries.totals.all === 0 && overview.funnel.started === 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Overview</h2>
          <p className="text-sm text-slate-600">
            {test ? "Test" : "Live"} traffic over the last {INSIGHT_RANGES[range].label}, in UTC.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <SegmentedLinks
            label="Range"
            options={(Object.keys(INSIGHT_RANGES) as TInsightRange[]).map((r) => ({ label: r, href: here({ range: r }), current: r === range }))}
          />
          <SegmentedLinks
            label="Mode"
            options={[
              { label: "Live", href: here({ test: false }), current: !test },
              { label: "Test", href: here({ test: true }), current: test },
            ]}
          />
        </div>
      </div>

      {empty && (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          No {modeWord} requests or sessions in this range yet.{" "}
          <Link href={`${base}/webhook`} className="font-medium text-brand-700 underline">
            Send a signed test request
          </Link>{" "}
          to see them here.
        </p>
      )}

      <section aria-labelledby="deliveries-over-time" className="rounded-xl border border-slate-200 bg-white p-4">
        <h3 id="deliveries-over-time" className="mb-3 font-medium">
          Deliveries over time
        </h3>
        <DeliveriesChart series={overview.deliveries} unit={overview.unit} title={`Deliveries (${modeWord}) over the last ${INSIGHT_RANGES[range].label}`} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="session-funnel" className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 id="session-funnel" className="mb-3 font-medium">
            Session funnel
          </h3>
          <SessionFunnel funnel={overview.funnel} />
        </section>
        <section aria-labelledby="top-rejections" className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 id="top-rejections" className="mb-3 font-medium">
            Top rejection reasons
          </h3>
          <TopRejections
            rejections={overview.topRejections}
            deliveriesHref={(reason) => `${base}/deliveries?${new URLSearchParams({ mode: modeWord, outcome: "rejected", reason })}`}
          />
        </section>
      </div>
    </div>
  );
}
