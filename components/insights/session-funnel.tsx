import type { WorkflowOverview } from "@/lib/insights/get-workflow-overview";
import { formatCount } from "./bucket-labels";

// The session funnel as labelled bars: started, each step reached, completed, each with its
// count and share of the sessions started. The text is the chart, so it needs no alternative.

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86_400)} d ${Math.round((seconds % 86_400) / 3600)} h`;
}

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((part / whole) * 100)} %`);

export function SessionFunnel({ funnel }: { funnel: WorkflowOverview["funnel"] }) {
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-3 gap-3 text-center">
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-600">Started</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatCount(funnel.started)}</dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-600">Completion rate</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="completion-rate">
            {funnel.completionRate === null ? "–" : `${Math.round(funnel.completionRate * 100)} %`}
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-600">Median time to complete</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="median-time">
            {funnel.medianSecondsToComplete === null ? "–" : formatDuration(funnel.medianSecondsToComplete)}
          </dd>
        </div>
      </dl>
      <ol aria-label="Session funnel" className="space-y-2">
        {funnel.stages.map((stage) => (
          <li key={stage.label} className="text-sm" data-testid="funnel-stage">
            <div className="flex items-baseline justify-between gap-3">
              <span className="min-w-0 truncate" title={stage.label}>
                {stage.label}
              </span>
              <span className="shrink-0 tabular-nums text-slate-700">
                {formatCount(stage.count)} <span className="text-slate-600">({percent(stage.count, funnel.started)})</span>
              </span>
            </div>
            {/* An SVG bar: its width is an attribute, which the pages' CSP allows (style attributes it refuses). */}
            <svg aria-hidden className="mt-1 block h-2.5 w-full">
              <rect width="100%" height="100%" rx="5" className="fill-slate-100" />
              <rect width={`${funnel.started === 0 ? 0 : (stage.count / funnel.started) * 100}%`} height="100%" rx="5" className="fill-blue-600" />
            </svg>
          </li>
        ))}
      </ol>
    </div>
  );
}
