// Start-up check run by instrumentation.ts in the Node.js runtime: validate the configuration
// and open (and migrate) the database before the first request, so a bad setting or a failed
// migration stops the server at once with a readable message instead of surfacing as 500s.
import { ConfigError, getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { MigrationError } from "@/lib/db/migrate";
import { logger } from "@/lib/log/logger";

export async function checkStartup(): Promise<void> {
  try {
    getConfig();
    await getDb();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError) console.error(error.message);
    else logger.error("startup_failed", { error });
    process.exit(1);
  }
}
