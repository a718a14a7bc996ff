import type { PrismaClient } from "@/lib/generated/prisma/client";
import { pruneDeliveries } from "@/lib/delivery-log/prune-deliveries";
import { logger } from "@/lib/log/logger";
import type { JobRunner } from "./job-runner";

// Work that runs on a clock across all instances (pg-boss's cron fires each schedule once):
// the delivery log's retention, daily at 03:17 UTC (`signet deliveries:prune` still runs it by hand).

const PRUNE_QUEUE = "deliveries-prune";

export async function registerScheduledJobs(boss: JobRunner, db: PrismaClient, retentionDays: number): Promise<void> {
  await boss.createQueue(PRUNE_QUEUE, { name: PRUNE_QUEUE, policy: "short", retryLimit: 2, retryDelay: 600, expireInSeconds: 3600 });
  await boss.work(PRUNE_QUEUE, async () => {
    const result = await pruneDeliveries(db, { retentionDays });
    logger.info("deliveries_pruned", { deliveries: result.deliveries, hourlyCounts: result.hourlyCounts, cutoff: result.cutoff.toISOString() });
  });
  await boss.schedule(PRUNE_QUEUE, "17 3 * * *", {}, { tz: "UTC" });
}
