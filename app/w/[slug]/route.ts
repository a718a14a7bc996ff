import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors/http";
import { directLinkRefusalPage } from "@/lib/sessions/direct-link-page";
import { sessionUrl } from "@/lib/sessions/session-token";
import { visitDirectLink } from "@/lib/sessions/visit-direct-link";

// Every visit starts a new session, so nothing here may be cached.
export const dynamic = "force-dynamic";

/** The direct link: starts a session of the published version and sends the visitor to it. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const visit = await visitDirectLink(await getDb(), slug, request.headers);
    if (visit.kind === "started") {
      return new Response(null, { status: 303, headers: { Location: sessionUrl(getConfig().publicUrl, visit.token), "Cache-Control": "no-store" } });
    }
    const { status, html } = directLinkRefusalPage(visit.refusal, request.headers);
    const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    if (visit.retryAfterSeconds !== undefined) headers.set("Retry-After", String(visit.retryAfterSeconds));
    return new Response(html, { status, headers });
  } catch (error) {
    return errorResponse(error);
  }
}
