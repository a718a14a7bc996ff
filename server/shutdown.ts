import type { Server } from "node:http";
import { Server as NetServer } from "node:net";
import { closeDb } from "@/lib/db/client";
import { runShutdownHooks } from "@/lib/lifecycle/shutdown";
import { logger } from "@/lib/log/logger";
import type { Front } from "./front";

// SIGTERM/SIGINT, so that a rolling restart behind a proxy loses no request:
// 1. draining: /readyz answers 503 and every response carries `Connection: close`; for
//    SIGNET_DRAIN_DELAY_SECONDS (default 0) nothing else changes, for balancers that poll
//    /readyz before they stop routing;
// 2. the listening socket closes: a proxy's new connections are refused, which it retries on
//    another instance (nothing was sent yet, so that is safe for a POST too). Open keep-alive
//    connections are left alone: a request may be on its way on one of them, and closing it
//    would make the proxy answer 502. Each gets its next request served and then closed;
//    one that stays idle is the client's to close (nginx closes idle upstream connections
//    after its keepalive_timeout, 4 s in deploy/nginx.conf) and ours after IDLE_CLOSE_MS;
// 3. meanwhile in-flight requests finish (a webhook's 2xx still waits for its commit) and the
//    shutdown hooks run (lib/lifecycle/shutdown.ts: job workers finish their current job);
// 4. Next and the database pools close, and the process exits 0. Whatever still runs after
//    SIGNET_SHUTDOWN_GRACE_SECONDS (default 10) is cut off and the process exits 1.

/** How long an idle keep-alive connection is left for the client to close. */
export const IDLE_CLOSE_MS = 5_000;

export interface ShutdownOptions {
  drainDelayMs: number;
  graceMs: number;
}

export function installGracefulShutdown(server: Server, front: Front, closeNext: () => Promise<void>, options: ShutdownOptions): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.info("shutdown_started", { signal, drainDelayMs: options.drainDelayMs, graceMs: options.graceMs });
    front.startDraining();
    const hardStop = setTimeout(() => {
      logger.warn("shutdown_forced", { afterMs: options.graceMs });
      server.closeAllConnections();
      process.exit(1);
    }, options.graceMs);
    hardStop.unref();

    const hooks = runShutdownHooks();
    if (options.drainDelayMs > 0) await new Promise((r) => setTimeout(r, options.drainDelayMs));
    // net.Server#close, not http.Server#close: the latter also closes idle keep-alive
    // connections at once, racing a request the proxy may be writing on one of them.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const idleSweep = setTimeout(() => {
      server.closeIdleConnections();
      const again = setInterval(() => server.closeIdleConnections(), 100);
      void closed.then(() => clearInterval(again));
    }, IDLE_CLOSE_MS);
    await closed;
    clearTimeout(idleSweep);
    await hooks;
    logger.info("shutdown_drained", { afterMs: Date.now() - started });
    await closeNext().catch((error: unknown) => logger.error("next_close_failed", { error }));
    await closeDb().catch((error: unknown) => logger.error("db_close_failed", { error }));
    logger.info("shutdown_done", { afterMs: Date.now() - started });
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
