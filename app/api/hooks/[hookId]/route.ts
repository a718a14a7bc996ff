import { defaultHookDeps } from "@/lib/inbound-webhooks/default-hook-deps";
import { handleHookRequest } from "@/lib/inbound-webhooks/handle-hook-request";

// POST /api/hooks/{hookId}[?test=true]. Thin: the whole pipeline is handleHookRequest, which
// a faster front than Next's router can call the same way.

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ hookId: string }> };

async function serve(request: Request, context: Context): Promise<Response> {
  const { hookId } = await context.params;
  const test = new URL(request.url).searchParams.get("test");
  const result = await handleHookRequest(await defaultHookDeps(), {
    hookId,
    test: test === "true" || test === "1",
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  return Response.json(result.body, { status: result.status, headers: result.headers });
}

export const POST = serve;
export const GET = serve;
export const PUT = serve;
export const PATCH = serve;
export const DELETE = serve;
