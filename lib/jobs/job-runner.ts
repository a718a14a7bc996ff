import PgBoss from "pg-boss";
import type { DatabaseConnection } from "@/lib/db/open-database";
import { logger } from "@/lib/log/logger";
import { pgliteBossDatabase } from "./boss-database";

// The process's job runner: pg-boss (10.x, the line that runs on Node 20) in the app's own
// database, schema "pgboss". On PostgreSQL every instance runs one and they share the queues
// (jobs are fetched with SKIP LOCKED, so each job goes to one worker; cron schedules fire once
// per minute across all instances); on PGlite it uses the app's in-process instance.
// Domains register their queues and workers on it (lib/outbound-webhooks/dispatch-jobs.ts,
// lib/jobs/scheduled-jobs.ts).

export type JobRunner = PgBoss;

/** Connections pg-boss may open per instance on PostgreSQL (workers, maintenance, cron). */
const BOSS_POOL_SIZE = 4;

export async function startJobRunner(connection: DatabaseConnection): Promise<JobRunner> {
  const common = {
    schema: "pgboss",
    // Finished jobs are history we do not need: the outbox keeps every attempt.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 1,
  } satisfies PgBoss.ConstructorOptions;
  const boss =
    connection.engine === "pglite"
      ? new PgBoss({ ...common, db: pgliteBossDatabase(connection.pglite) })
      : new PgBoss({ ...common, connectionString: connection.url, max: BOSS_POOL_SIZE, application_name: "signet-jobs" });
  boss.on("error", (error) => logger.error("job_runner_error", { error }));
  await boss.start();
  logger.info("job_runner_started", { engine: connection.engine });
  return boss;
}
