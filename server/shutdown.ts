import type { Server } from "node:http";
import { closeDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import type { Front } from "./front";

// SIGTERM/SIGINT: stop accepting, let in-flight requests finish (a webhook request's reply
// waits for its commit, so they end committed or refused, never half-done), close Next and
// the database, exit. A request still running after the grace period is cut off.
export const SHUTDOWN_GRACE_MS = 10_000;

export function installGracefulShutdown(server: Server, front: Front, closeNext: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutdown_started", { signal });
    front.startDraining();
    const hardStop = setTimeout(() => {
      logger.warn("shutdown_forced", { afterMs: SHUTDOWN_GRACE_MS });
      server.closeAllConnections();
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    hardStop.unref();
    // Idle keep-alive sockets would hold close() open; busy ones get `Connection: close`.
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearInterval(idleSweep);
    await closeNext().catch((error: unknown) => logger.error("next_close_failed", { error }));
    await closeDb().catch((error: unknown) => logger.error("db_close_failed", { error }));
    logger.info("shutdown_done", {});
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
