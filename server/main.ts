// The production entry (`npm start`): one node:http server in one process. POST /api/hooks/*
// goes straight to the webhook pipeline (lib/inbound-webhooks, the same handleHookRequest the Next route
// calls); every other request goes to Next. Next's router costs ~0.8 ms of CPU per request
// before our code runs, which caps the webhook at ~1,300 req/s behind it (docs/stack.md).
// Bundled by scripts/build-server.mjs into .next/signet-server.mjs (no tsx in production).
import { createServer } from "node:http";
import next from "next";
import { getConfig } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { checkStartup, failStartup } from "@/lib/startup-check";
import { createFront } from "./front";
import { installGracefulShutdown } from "./shutdown";
import { applyServerTimeouts } from "./timeouts";

async function main(): Promise<void> {
  // Configuration and database before Next: instrumentation.ts and every route in Next's
  // bundle then get this same handle, because lib/db/client.ts keeps it on globalThis (PGlite
  // allows one instance per directory; openDatabase refuses a second one in the process).
  await checkStartup();
  const config = getConfig();
  const app = next({ dev: false, hostname: config.hostname, port: config.port, dir: process.cwd() });
  const handleNext = app.getRequestHandler();
  await app.prepare();
  const front = createFront(handleNext);
  const server = createServer(front.handle);
  applyServerTimeouts(server);
  installGracefulShutdown(server, front, () => app.close(), { drainDelayMs: config.drainDelayMs, graceMs: config.shutdownGraceMs });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.hostname, () => resolve());
  });
  logger.info("server_listening", { url: `http://${config.hostname}:${config.port}`, pid: process.pid });
}

main().catch(failStartup);
