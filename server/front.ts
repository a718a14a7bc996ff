import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_STATUS } from "@/lib/errors/app-error";
import { INTERNAL_ERROR_BODY } from "@/lib/errors/http";
import { defaultHookDeps } from "@/lib/inbound-webhooks/default-hook-deps";
import { serveNodeHookRequest } from "@/lib/inbound-webhooks/node-hook-handler";
import { logger } from "@/lib/log/logger";

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Front {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** From now on every response asks the client to close its connection. */
  startDraining(): void;
}

const HOOK_PREFIX = "/api/hooks/";

/** Routes webhook URLs to the pipeline and everything else (pages, /api/v1, assets) to Next. */
export function createFront(handleNext: NextHandler): Front {
  let draining = false;

  const serveHook = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const served = await serveNodeHookRequest(await defaultHookDeps(), req, res);
      if (!served) await handleNext(req, res); // e.g. /api/hooks/a/b: Next answers its 404
    } catch (error) {
      // handleHookRequest never throws; this is the database failing to open, for instance.
      logger.error("hook_front_failed", { error });
      if (!res.headersSent) res.writeHead(ERROR_STATUS.INTERNAL_ERROR, { "Content-Type": "application/json", "Cache-Control": "no-store", Connection: "close" });
      res.end(JSON.stringify(INTERNAL_ERROR_BODY));
    }
  };

  return {
    handle(req, res) {
      if (draining) res.setHeader("Connection", "close");
      if (req.url?.startsWith(HOOK_PREFIX)) {
        void serveHook(req, res);
        return;
      }
      handleNext(req, res).catch((error: unknown) => {
        logger.error("next_handler_failed", { error });
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
    startDraining() {
      draining = true;
    },
  };
}
