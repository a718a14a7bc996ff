import { LinePath } from "@visx/shape";
import { scaleLinear } from "@visx/scale";
import type { WorkflowActivity } from "@/lib/insights/get-workspace-activity";
import { formatCount, longBucketLabel } from "./bucket-labels";

// A workflow's last 7 days at a glance: live sessions as a line, rejected requests as bars
// along the bottom. Server-rendered SVG that stretches to its box; the numbers are also
// written out next to it and, day by day, in its accessible name.

const SESSIONS = "#2563eb";
const REJECTIONS = "#dc2626";
const W = 70;
const H = 24;

export function ActivitySparkline({ activity, name }: { activity: WorkflowActivity; name: string }) {
  const sessions = activity.sessions.reduce((a, b) => a + b, 0);
  const rejections = activity.rejections.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...activity.sessions, ...activity.rejections);
  const x = scaleLinear<number>({ domain: [0, activity.days.length - 1], range: [2, W - 2] });
  const y = scaleLinear<number>({ domain: [0, max], range: [H - 1, 1] });
  const perDay = activity.days
    .map((d, i) => `${longBucketLabel(d, "day")}: ${formatCount(activity.sessions[i]!)} sessions, ${formatCount(activity.rejections[i]!)} rejected`)
    .join("; ");
  const label = `${name}, last 7 days: ${formatCount(sessions)} live sessions and ${formatCount(rejections)} rejected requests. ${perDay}.`;
  return (
    <div className="flex items-center gap-3" data-testid="activity-sparkline">
      <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="h-8 w-28 shrink-0 overflow-visible">
        <line x1={0} x2={W} y1={H - 0.5} y2={H - 0.5} stroke="currentColor" strokeOpacity={0.2} vectorEffect="non-scaling-stroke" />
        {activity.rejections.map((n, i) =>
          n > 0 ? <rect key={activity.days[i]} x={x(i) - 2} width={4} y={y(n)} height={H - y(n)} fill={REJECTIONS} fillOpacity={0.85} /> : null,
        )}
        <LinePath data={activity.sessions} x={(_, i) => x(i)} y={(n) => y(n)} stroke={SESSIONS} strokeWidth={2} fill="none" vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
      </svg>
      <p aria-hidden className="w-24 text-xs leading-tight text-slate-600">
        <span className="font-medium text-slate-900 tabular-nums">{formatCount(sessions)}</span> sessions
        <br />
        <span className={`font-medium tabular-nums ${rejections > 0 ? "text-red-700" : "text-slate-900"}`}>{formatCount(rejections)}</span> rejected
      </p>
    </div>
  );
}
