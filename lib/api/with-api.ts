import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticateBearer, type TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { getConfig, type AppConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { isLookupKey } from "@/lib/db/lookup-key";
import { AppError } from "@/lib/errors/app-error";
import { toErrorResponse } from "@/lib/errors/http";
import { logger } from "@/lib/log/logger";
import { apiJson, noStore } from "./respond";

export interface ApiContext<Params> {
  request: Request;
  url: URL;
  db: PrismaClient;
  actor: TokenActor;
  params: Params;
  config: AppConfig;
}

type RouteContext<Params> = { params: Promise<Params> };

/**
 * Wraps a /api/v1 route handler: authenticates the bearer token, hands the handler what it
 * needs, and turns every failure into the JSON error body of lib/errors/http.ts. A handler
 * returns a Response (see apiJson) or plain data, sent as 200 JSON.
 */
export function withApi<Params = Record<string, never>>(handler: (ctx: ApiContext<Params>) => Promise<Response | object>) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    const started = performance.now();
    const url = new URL(request.url);
    let tokenId: string | undefined;
    let response: Response;
    try {
      const db = await getDb();
      const actor = await authenticateBearer(db, request.headers.get("authorization"));
      tokenId = actor.tokenId;
      const params = await context.params;
      // An id in the path that no row can have is not found, whatever the route does with it.
      if (Object.values(params ?? {}).some((value) => typeof value === "string" && !isLookupKey(value))) {
        throw new AppError("NOT_FOUND", "Not found.", { reason: "not_found" });
      }
      const result = await handler({ request, url, db, actor, params, config: getConfig() });
      response = result instanceof Response ? noStore(result) : apiJson(result);
    } catch (error) {
      const { status, body, headers } = toErrorResponse(error);
      response = apiJson(body, status, headers);
    }
    logger.info("api_request", {
      method: request.method,
      path: url.pathname,
      status: response.status,
      // Not named "token…": the logger redacts such keys, and an id is no secret.
      caller: tokenId,
      ms: Math.round(performance.now() - started),
    });
    return response;
  };
}
