import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { DENY_FRAMING, sessionFramePolicy, sessionTokenOfPath } from "@/lib/embedding/session-frame-policy";

// Session pages may be framed only by their workflow's allowed origins (SPEC §4). That list
// lives in the database, and next.config headers are static, so the proxy (Node.js runtime
// in Next 16) sets the header here; every other page gets the deny-all policy from next.config.

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const token = sessionTokenOfPath(request.nextUrl.pathname);
  const policy = token ? await sessionFramePolicy(await getDb(), token) : DENY_FRAMING;
  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = { matcher: ["/s/:path*"] };
