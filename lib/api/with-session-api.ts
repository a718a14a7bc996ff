import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { sessionEmbeddingOrigins } from "@/lib/embedding/session-frame-policy";
import { toErrorResponse } from "@/lib/errors/http";
import { logger } from "@/lib/log/logger";
import { clientRateLimitResponse } from "@/lib/rate-limits/client-limits";
import { apiJson } from "./respond";

// The session API for custom front-ends (/api/sessions/{token}/…): no API token, the session
// token in the path is the capability. Browsers may call it from the workflow's allowed
// origins (the live version's, the same list that may frame the session page); a request
// from any other origin is refused, and its preflight gets no CORS headers. Each client
// address spends the shared "session-api" budget (SIGNET_SESSION_API_RATE_LIMIT).

type RouteContext<Params> = { params: Promise<Params> };
type TokenParams = { token: string };

const PREFLIGHT_MAX_AGE_SECONDS = 600;

interface OriginCheck {
  /** CORS headers for this answer (only for an allowed origin). */
  headers: Record<string, string>;
  /** False for a browser request from an origin that is neither ours nor allowed. */
  allowed: boolean;
}

async function checkOrigin(db: PrismaClient, request: Request, token: string): Promise<OriginCheck> {
  const origin = request.headers.get("origin");
  // Answers differ by Origin: a shared cache must not hand one origin's answer to another.
  const vary = { Vary: "Origin" };
  if (origin === null) return { headers: vary, allowed: true }; // a server, curl, or a same-origin GET
  if (origin === new URL(request.url).origin || origin === new URL(getConfig().publicUrl).origin) return { headers: vary, allowed: true };
  if (!(await sessionEmbeddingOrigins(db, token)).includes(origin)) return { headers: vary, allowed: false };
  return { headers: { ...vary, "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": "Retry-After" }, allowed: true };
}

const FORBIDDEN_ORIGIN = { error: "This origin may not use this session; add it to the workflow's allowed origins and publish.", code: "origin_not_allowed" };

/** A session API handler: origin check, rate limit, errors as `{ error, code, issues? }`, no-store. */
export function withSessionApi<Params extends TokenParams>(handler: (ctx: { request: Request; db: PrismaClient; params: Params }) => Promise<object>) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    const started = performance.now();
    let response: Response;
    let cors: Record<string, string> = {};
    try {
      const params = await context.params;
      const db = await getDb();
      const origin = await checkOrigin(db, request, params.token);
      cors = origin.headers;
      if (!origin.allowed) response = apiJson(FORBIDDEN_ORIGIN, 403, cors);
      else {
        const limited = await clientRateLimitResponse("session-api", request.headers);
        response = limited ?? apiJson(await handler({ request, db, params }));
      }
    } catch (error) {
      const { status, body, headers } = toErrorResponse(error);
      response = apiJson(body, status, headers);
    }
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
    // The path holds the capability token: it is never logged.
    logger.info("session_api_request", { method: request.method, status: response.status, ms: Math.round(performance.now() - started) });
    return response;
  };
}

/** OPTIONS: the CORS preflight, answered for the workflow's allowed origins only. */
export function sessionApiPreflight(methods: string) {
  return async (request: Request, context: RouteContext<TokenParams>): Promise<Response> => {
    const { token } = await context.params;
    const origin = await checkOrigin(await getDb(), request, token);
    if (!origin.allowed || !origin.headers["Access-Control-Allow-Origin"]) return new Response(null, { status: 204, headers: origin.headers });
    return new Response(null, {
      status: 204,
      headers: {
        ...origin.headers,
        "Access-Control-Allow-Methods": `${methods}, OPTIONS`,
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE_SECONDS),
      },
    });
  };
}
