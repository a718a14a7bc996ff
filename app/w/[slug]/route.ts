import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors/http";
import { isAppError } from "@/lib/errors/app-error";
import { directLinkRefusalPage } from "@/lib/sessions/direct-link-page";
import { sessionUrl } from "@/lib/sessions/session-token";
import { startDirectSession } from "@/lib/sessions/start-direct-session";

// Every visit starts a new session, so nothing here may be cached.
export const dynamic = "force-dynamic";

function htmlPage(kind: "hmac_required" | "not_found"): Response {
  const { status, html } = directLinkRefusalPage(kind);
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The direct link: starts a session of the published version and sends the visitor to it. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const session = await startDirectSession(await getDb(), slug);
    return new Response(null, {
      status: 303,
      headers: { Location: sessionUrl(getConfig().publicUrl, session.token), "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "HMAC_REQUIRED") return htmlPage("hmac_required");
    if (isAppError(error) && error.code === "NOT_FOUND") return htmlPage("not_found");
    return errorResponse(error);
  }
}
