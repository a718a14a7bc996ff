import type { FunnelRow } from "./insights-repository";

// The session funnel from (furthestStep, completed) counts. Steps are saved strictly in order
// (a submit for any step but the current one is refused) and Back never lowers the furthest
// step, so a session has reached step k (0-based) exactly when its furthestStep ≥ k or it
// completed. Sessions of an older version with more steps than the current one are counted
// on its last step.

export interface FunnelStage {
  label: string;
  count: number;
}

export interface Funnel {
  stages: FunnelStage[];
  started: number;
  completed: number;
  /** completed ÷ started, or null without sessions. */
  completionRate: number | null;
}

export function buildFunnel(rows: FunnelRow[], stepTitles: string[]): Funnel {
  const started = rows.reduce((sum, r) => sum + r.count, 0);
  const completed = rows.filter((r) => r.completed).reduce((sum, r) => sum + r.count, 0);
  const reached = (k: number) => rows.filter((r) => r.completed || r.step >= k).reduce((sum, r) => sum + r.count, 0);
  const stages: FunnelStage[] = [
    { label: stepTitles.length > 0 ? `Started · step 1: ${stepTitles[0]}` : "Started", count: started },
    ...stepTitles.slice(1).map((title, i) => ({ label: `Reached step ${i + 2}: ${title}`, count: reached(i + 1) })),
    { label: "Completed", count: completed },
  ];
  return { stages, started, completed, completionRate: started === 0 ? null : completed / started };
}
