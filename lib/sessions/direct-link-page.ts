import { ERROR_STATUS } from "@/lib/errors/app-error";
import { NONCE_HEADER } from "@/lib/http/security-headers";

// The small HTML pages /w/{slug} answers with when it can't start a session. The route is a
// route handler (it must answer 303 on success), so these are plain HTML with a <style>
// element rather than React pages; the element carries the request's CSP nonce (proxy.ts) so
// the page CSP admits it. The text is fixed, nothing from the request is echoed.

const PAGES = {
  hmac_required: {
    status: ERROR_STATUS.HMAC_REQUIRED,
    title: "This workflow can't be started from a link",
    body: "This workflow can only be started by an authorised system. If someone sent you this link or QR code, ask them for a personal link to the form instead.",
  },
  rate_limited: {
    status: ERROR_STATUS.RATE_LIMITED,
    title: "Too many visits",
    body: "This address has started many forms in the last minute. Wait a moment, then open the link again.",
  },
  not_found: {
    status: ERROR_STATUS.NOT_FOUND,
    title: "Link not found",
    body: "This link doesn't lead to a published workflow. Check that you copied all of it, or ask the sender for a new link.",
  },
} as const;

export type DirectLinkRefusal = keyof typeof PAGES;

export function directLinkRefusalPage(kind: DirectLinkRefusal, requestHeaders: Headers): { status: number; html: string } {
  const page = PAGES[kind];
  // Base64 only (proxy.ts makes it); anything else is dropped rather than echoed.
  const nonce = /^[A-Za-z0-9+/=]{16,64}$/.exec(requestHeaders.get(NONCE_HEADER) ?? "")?.[0];
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} · Signet</title>
<style${nonce ? ` nonce="${nonce}"` : ""}>
body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a}
main{max-width:32rem;margin:0 auto;padding:6rem 1.25rem;text-align:center}
p.code{font-size:.875rem;font-weight:600;color:#1b43ad}
h1{font-size:1.5rem;margin:.5rem 0}
p{color:#475569;line-height:1.5}
</style>
</head>
<body>
<main>
<p class="code">${page.status}</p>
<h1>${page.title}</h1>
<p>${page.body}</p>
</main>
</body>
</html>`;
  return { status: page.status, html };
}
