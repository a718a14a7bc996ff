// The one start-up check, run by server/main.ts (npm start) and by instrumentation.ts in
// Next's Node.js runtime (next dev, next start): validate the configuration and open (and
// migrate) the database before the first request, so a bad setting or a failed migration
// stops the server at once with a readable message instead of surfacing as 500s.
import { ConfigError, getConfig } from "@/lib/config/env";
import { getDatabase } from "@/lib/db/client";
import { MigrationError } from "@/lib/db/migrate";
import { startBackgroundJobs } from "@/lib/jobs/start-background-jobs";
import { logger } from "@/lib/log/logger";

export async function checkStartup(): Promise<void> {
  try {
    getConfig();
    // Kept on globalThis by lib/db/client.ts: every later caller in the process gets this handle.
    await getDatabase();
    await startBackgroundJobs();
  } catch (error) {
    failStartup(error);
  }
}

/** Stops a process that could not start: configuration and migration errors name their fix, so they are printed as they are. */
export function failStartup(error: unknown): never {
  if (error instanceof ConfigError || error instanceof MigrationError) console.error(error.message);
  else logger.error("startup_failed", { error });
  process.exit(1);
}
