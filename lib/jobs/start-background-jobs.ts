import { getConfig } from "@/lib/config/env";
import { getDatabase } from "@/lib/db/client";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { logger } from "@/lib/log/logger";
import { registerOutboundJobs } from "@/lib/outbound-webhooks/dispatch-jobs";
import { closeHttpSender } from "@/lib/outbound-webhooks/http-sender";
import { registerOutboundQueueMetrics } from "@/lib/observability/metrics";
import { countPendingMessages, releaseAllLeases } from "@/lib/outbound-webhooks/message-repository";
import { startJobRunner } from "./job-runner";
import { registerScheduledJobs } from "./scheduled-jobs";

// Starts the process's job runner once (server/main.ts and Next's instrumentation both get
// here through the start-up check; on globalThis because they are two bundles in one process)
// and stops it on shutdown: workers finish the attempts they hold, then the pools close.

const holder = globalThis as { __signetJobs?: Promise<void> };

/** How long shutdown waits for attempts in flight (one attempt takes at most 15 s). */
const STOP_TIMEOUT_MS = 8_000;

export function startBackgroundJobs(): Promise<void> {
  holder.__signetJobs ??= start();
  return holder.__signetJobs;
}

async function start(): Promise<void> {
  const config = getConfig();
  if (!config.jobsEnabled) {
    logger.info("job_runner_off", { reason: "SIGNET_JOBS=off" });
    return;
  }
  const database = await getDatabase();
  const boss = await startJobRunner(database.connection);
  // The embedded database has one process: a lease left by a killed one is void at once.
  if (database.engine === "pglite") await releaseAllLeases(database.prisma);
  const outbound = await registerOutboundJobs(boss, { db: database.prisma, keys: config.appKeys, allowPrivateTargets: config.allowPrivateTargets });
  await registerScheduledJobs(boss, database.prisma, config.deliveryRetentionDays);
  registerOutboundQueueMetrics(() => countPendingMessages(database.prisma, new Date()));
  onShutdown("jobs", async () => {
    outbound.stop();
    await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
    await closeHttpSender();
  });
  await outbound.sweep();
}
