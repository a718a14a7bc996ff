// Cross-site request forgery on pages: a page answers POST only for server actions, and a
// browser always sends Origin on a cross-site POST. Next refuses a server action whose Origin
// does not match the host too, but answers with a 500 (and a logged error); proxy.ts refuses
// such a POST first, with a 403 and a short message. The comparison is Next's: the Origin's
// host against X-Forwarded-Host (first value) or Host. A POST without Origin is a handcrafted
// request that carries no one else's cookies, and passes (as Next lets it).

interface HeaderSource {
  get(name: string): string | null;
}

export function isCrossOriginPost(method: string, headers: HeaderSource): boolean {
  if (method.toUpperCase() !== "POST") return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true; // an Origin that is not a URL is nobody's own page
  }
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return originHost !== forwardedHost && originHost !== headers.get("host");
}

export const CROSS_ORIGIN_REFUSAL = "Cross-origin form posts are refused: submit the form from this site.\n";
