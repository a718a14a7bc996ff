import type { PrismaClient } from "@/lib/generated/prisma/client";
import { rollUpDeliveries, ROLLUP_HORIZON_DAYS } from "@/lib/insights/delivery-rollup";
import { deleteHourlyCountsBefore } from "@/lib/insights/insights-repository";
import { logger } from "@/lib/log/logger";
import { pageWorkflowIds } from "@/lib/workflows/workflow-repository";
import { deleteDeliveriesBefore } from "./delivery-repository";
import { recountTestPayloadBytes } from "./test-payload-repository";

// Retention of the delivery log: rows older than SIGNET_DELIVERY_RETENTION_DAYS go, with the
// request headers and the payloads stored for accepted and test requests (the room they took
// in the workflow's quota of stored test bytes is counted again). The overview's
// hourly counts are rolled up before the rows go and are kept at least as long as the widest
// chart, so charts don't lose history that the log no longer lists.

export const PRUNE_BATCH_ROWS = 5000;
const DAY_MS = 86_400_000;
const WORKFLOW_PAGE = 200;

export interface PruneResult {
  cutoff: Date;
  deliveries: number;
  hourlyCounts: number;
}

export async function pruneDeliveries(
  db: PrismaClient,
  opts: { retentionDays: number; now?: Date; batchRows?: number; pauseMs?: number },
): Promise<PruneResult> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.retentionDays * DAY_MS);
  const countsCutoff = new Date(now.getTime() - Math.max(opts.retentionDays, ROLLUP_HORIZON_DAYS) * DAY_MS);
  const batch = opts.batchRows ?? PRUNE_BATCH_ROWS;
  const result: PruneResult = { cutoff, deliveries: 0, hourlyCounts: 0 };

  let cursor: string | undefined;
  for (;;) {
    const ids = await pageWorkflowIds(db, WORKFLOW_PAGE, cursor);
    if (ids.length === 0) break;
    cursor = ids[ids.length - 1];
    await rollUpDeliveries(db, ids, now);
    for (const workflowId of ids) {
      for (;;) {
        const deleted = await deleteDeliveriesBefore(db, workflowId, cutoff, batch);
        result.deliveries += deleted;
        if (deleted < batch) break;
        // Let other work in between batches (a deliberately gentle background job).
        if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
      }
      // The deleted test rows' bodies no longer count against the workflow's quota.
      await recountTestPayloadBytes(db, workflowId);
      result.hourlyCounts += await deleteHourlyCountsBefore(db, workflowId, countsCutoff);
    }
  }
  logger.info("deliveries_pruned", { cutoff: cutoff.toISOString(), deliveries: result.deliveries, hourlyCounts: result.hourlyCounts });
  return result;
}
