import { viewerScript } from "@/lib/api/api-reference";

// The API reference viewer's browser bundle, served by the app (no CDN). The page asks for it
// by content hash (?v=…), so that URL may be cached for good.
export function GET(request: Request): Response {
  const { body, hash } = viewerScript();
  const current = new URL(request.url).searchParams.get("v") === hash;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
