import { BarStack, Line } from "@visx/shape";
import { scaleBand, scaleLinear } from "@visx/scale";
import type { DeliverySeries } from "@/lib/insights/delivery-series";
import type { BucketUnit } from "@/lib/insights/ranges";
import { formatCount, longBucketLabel, shortBucketLabel } from "./bucket-labels";
import { ChartTable } from "./chart-table";

// Deliveries per bucket, stacked by outcome and reason. Drawn on the server as SVG (no
// client JavaScript): the plot stretches to its box, while the axes are separate SVGs whose
// labels sit at percentages, so text keeps its size from 390 px phones to wide screens.
// Positions and colours are SVG attributes, never style attributes, which the pages' CSP
// refuses. Text uses the surrounding colour (currentColor); each bar segment names itself on
// hover, and the same numbers are in a table below.

const VIEW_HEIGHT = 100;
const BAND = 10;

/** A label every n buckets; phones get half as many (every second one is hidden below `sm`). */
function tickEvery(count: number, unit: BucketUnit): number {
  if (unit === "hour") return 3;
  return count > 10 ? 5 : 1;
}

export function DeliveriesChart({ series, unit, title }: { series: DeliverySeries; unit: BucketUnit; title: string }) {
  const { buckets, categories } = series;
  const width = buckets.length * BAND;
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const yScale = scaleLinear<number>({ domain: [0, max], range: [VIEW_HEIGHT, 0], nice: 4 });
  const top = yScale.domain()[1]!;
  const ticks = yScale.ticks(4).filter((t) => Number.isInteger(t));
  const xScale = scaleBand<string>({ domain: buckets.map((b) => b.start), range: [0, width], paddingInner: 0.25, paddingOuter: 0.1 });
  const data = buckets.map((b) => ({ start: b.start, ...Object.fromEntries(categories.map((c) => [c.category, b.counts[c.category] ?? 0])) }));
  const colorOf = new Map(categories.map((c) => [c.category, c.color]));
  const labelOf = new Map(categories.map((c) => [c.category, c.label]));
  const every = tickEvery(buckets.length, unit);
  const peak = buckets.reduce((best, b) => (b.total > best.total ? b : best), buckets[0]!);
  const summary =
    series.totals.all === 0
      ? `${title}: no deliveries.`
      : `${title}: ${formatCount(series.totals.all)} deliveries, ${formatCount(series.totals.accepted)} accepted, ${formatCount(series.totals.duplicate)} duplicate, ` +
        `${formatCount(series.totals.rejected)} rejected; the busiest was ${longBucketLabel(peak.start, unit)} with ${formatCount(peak.total)}.`;

  return (
    <figure className="space-y-3">
      <figcaption className="sr-only">{summary}</figcaption>
      <div className="flex gap-2">
        {/* Y axis: HTML labels at the height of their value, beside a plot of the same height. */}
        <svg aria-hidden className="h-48 w-10 shrink-0 overflow-visible text-xs text-slate-600 sm:h-56">
          {ticks.map((t) => (
            <text key={t} x="100%" y={`${(1 - t / top) * 100}%`} textAnchor="end" dominantBaseline="middle" fill="currentColor" className="tabular-nums">
              {formatCount(t)}
            </text>
          ))}
        </svg>
        <div className="min-w-0 flex-1">
          <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${VIEW_HEIGHT}`} preserveAspectRatio="none" className="block h-48 w-full overflow-visible sm:h-56" data-testid="deliveries-chart">
            {ticks.map((t) => (
              <Line key={t} from={{ x: 0, y: yScale(t) }} to={{ x: width, y: yScale(t) }} stroke="currentColor" strokeOpacity={t === 0 ? 0.35 : 0.12} vectorEffect="non-scaling-stroke" />
            ))}
            <BarStack data={data} keys={categories.map((c) => c.category)} x={(d) => d.start} xScale={xScale} yScale={yScale} color={(key) => colorOf.get(key) ?? "currentColor"}>
              {(stacks) =>
                stacks.flatMap((stack) =>
                  stack.bars
                    .filter((bar) => bar.height > 0)
                    .map((bar) => (
                      <rect key={`${stack.key}-${bar.index}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={bar.color}>
                        <title>{`${longBucketLabel(buckets[bar.index]!.start, unit)}: ${labelOf.get(stack.key)} ${formatCount(bar.bar[1] - bar.bar[0])}`}</title>
                      </rect>
                    )),
                )
              }
            </BarStack>
          </svg>
          {/* X axis: every few buckets, centred under its bar. */}
          <svg aria-hidden className="mt-1 block h-4 w-full overflow-visible text-xs text-slate-600">
            {buckets.map((b, i) =>
              i % every === 0 ? (
                <text
                  key={b.start}
                  x={`${((xScale(b.start)! + xScale.bandwidth() / 2) / width) * 100}%`}
                  y="12"
                  textAnchor="middle"
                  fill="currentColor"
                  className={i % (2 * every) === 0 ? undefined : "hidden sm:inline"}
                >
                  {shortBucketLabel(b.start, unit)}
                </text>
              ) : null,
            )}
          </svg>
        </div>
      </div>
      <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {categories.map((c) => (
          <li key={c.category} className="inline-flex items-center gap-1.5">
            <svg aria-hidden viewBox="0 0 12 12" className="h-3 w-3 shrink-0">
              <rect width="12" height="12" rx="2" fill={c.color} />
            </svg>
            {c.label} <span className="tabular-nums text-slate-600">{formatCount(buckets.reduce((s, b) => s + (b.counts[c.category] ?? 0), 0))}</span>
          </li>
        ))}
      </ul>
      <ChartTable
        caption={`${title}, per ${unit} (UTC)`}
        columns={[unit === "hour" ? "Hour (UTC)" : "Day (UTC)", ...categories.map((c) => c.label), "Total"]}
        rows={buckets.map((b) => [longBucketLabel(b.start, unit), ...categories.map((c) => formatCount(b.counts[c.category] ?? 0)), formatCount(b.total)])}
      />
    </figure>
  );
}
