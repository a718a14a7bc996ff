// Next.js start-up hook. Validates the configuration and opens (and migrates) the database
// before the first request, so a bad setting or a failed migration stops the server at once
// with a readable message instead of surfacing as 500s.
export async function register(): Promise<void> {
  // The edge runtime cannot load database drivers; the dynamic imports keep them out of it.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, ConfigError } = await import("./lib/config/env");
  const { MigrationError } = await import("./lib/db/migrate");
  const { getDb } = await import("./lib/db/client");
  try {
    getConfig();
    await getDb();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError) {
      console.error(error.message);
    } else {
      const { logger } = await import("./lib/log/logger");
      logger.error("startup_failed", { error });
    }
    process.exit(1);
  }
}
