import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { NO_FRAMING, sessionFrameAncestors, sessionTokenOfPath } from "@/lib/embedding/session-frame-policy";
import { CROSS_ORIGIN_REFUSAL, isCrossOriginPost } from "@/lib/http/cross-origin";
import { API_REFERENCE_PATH } from "@/lib/api/api-reference-path";
import { apiReferenceContentSecurityPolicy, newCspNonce, NONCE_HEADER, pageContentSecurityPolicy } from "@/lib/http/security-headers";

// Runs before every page (Node.js runtime in Next 16):
// - a cross-origin POST (a forged server action) gets a 403 here, not Next's 500;
// - each page gets a Content-Security-Policy with a fresh nonce. Next reads the nonce from the
//   request's Content-Security-Policy header while rendering and puts it on its own scripts,
//   so pages render per request (which they do anyway: every page reads the session);
// - session pages (/s/{token}) may be framed by their workflow's allowed origins, which live
//   in the database; every other page refuses framing;
// - the API reference (/docs/api) has its own policy (inline styles for its viewer).

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (isCrossOriginPost(request.method, request.headers)) {
    return new NextResponse(CROSS_ORIGIN_REFUSAL, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const token = sessionTokenOfPath(request.nextUrl.pathname);
  const frameAncestors = token ? await sessionFrameAncestors(await getDb(), token) : NO_FRAMING;
  const nonce = newCspNonce();
  const policy =
    request.nextUrl.pathname === API_REFERENCE_PATH
      ? apiReferenceContentSecurityPolicy(nonce)
      : pageContentSecurityPolicy({ nonce, frameAncestors, dev: getConfig().nodeEnv === "development" });
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages and page-like routes (/w/{slug}); not the JSON API, webhooks or static files.
      source: "/((?!api/|_next/static/|_next/image|favicon\\.ico|signet\\.svg).*)",
      // Router prefetches are RSC payloads, not documents: they need no policy.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
