import type { IncomingMessage, ServerResponse } from "node:http";
import { getConfig } from "@/lib/config/env";
import { clientIp } from "@/lib/http/client-ip";
import { ERROR_STATUS } from "@/lib/errors/app-error";
import { INTERNAL_ERROR_BODY } from "@/lib/errors/http";
import { defaultHookDeps } from "@/lib/inbound-webhooks/default-hook-deps";
import { serveNodeHookRequest } from "@/lib/inbound-webhooks/node-hook-handler";
import { markDraining } from "@/lib/lifecycle/shutdown";
import { logger } from "@/lib/log/logger";
import { readiness } from "@/lib/observability/health";
import { metricsAnswer, type PlainAnswer } from "@/lib/observability/metrics-endpoint";
import { CLIENT_IP_HEADER, trustClientIpHeader } from "@/lib/rate-limits/client-limits";

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Front {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** From now on /readyz fails and every response asks the client to close its connection. */
  startDraining(): void;
}

const HOOK_PREFIX = "/api/hooks/";
const JSON_NO_STORE = { "Content-Type": "application/json", "Cache-Control": "no-store" };

function send(res: ServerResponse, answer: PlainAnswer, head: boolean): void {
  res.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
  res.end(head ? undefined : answer.body);
}

/**
 * The operational endpoints, answered here without Next: cheap, unauthenticated (but
 * /metrics), no data. Returns false for any other request.
 */
function serveOperational(req: IncomingMessage, res: ServerResponse): boolean {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") return false;
  const path = (req.url ?? "/").split("?")[0];
  const head = method === "HEAD";
  if (path === "/healthz") {
    // Alive: this process answers. Whether it should get traffic is /readyz's question.
    send(res, { status: 200, headers: JSON_NO_STORE, body: '{"status":"ok"}' }, head);
    return true;
  }
  if (path === "/readyz") {
    void readiness().then((state) => {
      const body = state.ready ? '{"status":"ready"}' : JSON.stringify({ status: "unavailable", reason: state.reason });
      send(res, { status: state.ready ? 200 : 503, headers: JSON_NO_STORE, body }, head);
    });
    return true;
  }
  if (path === "/metrics") {
    metricsAnswer(req.headers.authorization, getConfig().metricsToken).then(
      (answer) => send(res, answer, head),
      (error: unknown) => {
        logger.error("metrics_failed", { error });
        send(res, { status: ERROR_STATUS.INTERNAL_ERROR, headers: JSON_NO_STORE, body: JSON.stringify(INTERNAL_ERROR_BODY) }, head);
      },
    );
    return true;
  }
  return false;
}

/**
 * Routes webhook URLs to the pipeline, the operational endpoints to their handlers, and
 * everything else (pages, /api/v1, assets) to Next, with the client's address attached.
 */
export function createFront(handleNext: NextHandler): Front {
  const { trustedProxies } = getConfig();
  trustClientIpHeader();

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

  let draining = false;
  return {
    handle(req, res) {
      if (draining) res.setHeader("Connection", "close");
      if (req.url?.startsWith(HOOK_PREFIX)) {
        void serveHook(req, res);
        return;
      }
      if (serveOperational(req, res)) return;
      // Whatever a client sent under this name is replaced: only the front may say who the client is.
      req.headers[CLIENT_IP_HEADER] = clientIp(req.socket.remoteAddress, { get: (name) => headerValue(req, name) }, trustedProxies) ?? "";
      handleNext(req, res).catch((error: unknown) => {
        logger.error("next_handler_failed", { error });
        if (!res.headersSent) res.writeHead(ERROR_STATUS.INTERNAL_ERROR);
        res.end();
      });
    },
    startDraining() {
      draining = true;
      markDraining();
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}
