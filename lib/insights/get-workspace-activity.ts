import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { rollUpDeliveries } from "./delivery-rollup";
import { liveRejectionsPerDay, liveSessionsPerDay, workflowsWithTraffic } from "./insights-repository";
import { rangeWindow } from "./ranges";
import { workflowIdsInWorkspace } from "@/lib/workflows/workflow-repository";

export interface WorkflowActivity {
  /** ISO starts of the last 7 UTC days, oldest first (the last one is today). */
  days: string[];
  sessions: number[];
  rejections: number[];
  /** Any request or session ever: the overview becomes the workflow's first tab. */
  hasTraffic: boolean;
}

/** Last-7-days live sessions and rejections per workflow, for the workspace home's sparklines. */
export async function getWorkspaceActivity(
  db: PrismaClient,
  actor: Actor | null,
  workspaceId: string,
  workflowIds: string[],
  opts: { now?: Date } = {},
): Promise<Map<string, WorkflowActivity>> {
  await authorizeWorkspace(db, actor, workspaceId, "view");
  // Only this workspace's workflows, whatever the caller passed.
  const ids = await workflowIdsInWorkspace(db, workspaceId, workflowIds);
  const now = opts.now ?? new Date();
  const window = rangeWindow("7d", now);
  const rolledUntil = await rollUpDeliveries(db, ids, now);
  const [sessions, rejections, traffic] = await Promise.all([
    liveSessionsPerDay(db, ids, window.start, now),
    liveRejectionsPerDay(db, ids, window.start, rolledUntil, now),
    workflowsWithTraffic(db, ids),
  ]);
  const days = window.bucketStarts.map((d) => d.toISOString().replace(/\.\d{3}Z$/, "Z"));
  const index = new Map(days.map((d, i) => [d, i]));
  const result = new Map<string, WorkflowActivity>(
    ids.map((id) => [id, { days, sessions: days.map(() => 0), rejections: days.map(() => 0), hasTraffic: traffic.has(id) }]),
  );
  for (const [rows, key] of [[sessions, "sessions"], [rejections, "rejections"]] as const) {
    for (const row of rows) {
      const i = index.get(row.day);
      if (i !== undefined) result.get(row.workflowId)![key][i] = row.count;
    }
  }
  return result;
}
