import { apiReferencePage } from "@/lib/api/api-reference";
import { NONCE_HEADER } from "@/lib/http/security-headers";

// The management API's reference (public, like the OpenAPI document it renders). Its CSP is
// the API reference policy proxy.ts gives this path (lib/http/security-headers.ts).
export function GET(request: Request): Response {
  return new Response(apiReferencePage(request.headers.get(NONCE_HEADER)), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
