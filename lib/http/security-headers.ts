// Security headers. next.config.ts applies the static ones to every response; proxy.ts gives
// every page its own Content-Security-Policy with a fresh nonce (and, on session pages
// /s/{token}, the workflow's frame-ancestors from lib/embedding/session-frame-policy.ts).

import { hstsFromEnv } from "../config/env";

type Header = { key: string; value: string };

/**
 * CSP directives every response gets whatever its framing rule: no plugins, no <base>
 * hijacking, forms only post back to us.
 */
export const BASE_CSP = "object-src 'none'; base-uri 'none'; form-action 'self'";

/** The CSP of responses that are not pages (API answers, webhooks, assets). */
export function contentSecurityPolicy(frameAncestors: string): string {
  return `${BASE_CSP}; frame-ancestors ${frameAncestors}`;
}

/**
 * The CSP of a page. Scripts run only with this response's nonce ('strict-dynamic' lets them
 * load Next's chunks; 'self' is only for browsers that predate 'strict-dynamic' and ignore it
 * otherwise), so a script injected into the markup never runs. Styles: our stylesheets ('self')
 * and <style> elements carrying the nonce; no inline style attributes (none of our components
 * render one; React's runtime style changes go through the CSSOM, which CSP does not govern).
 * `next dev` also needs 'unsafe-eval' (React rebuilds server error stacks with eval) and
 * 'unsafe-inline' styles (its overlay).
 */
export function pageContentSecurityPolicy(options: { nonce: string; frameAncestors: string; dev?: boolean }): string {
  const { nonce, frameAncestors, dev = false } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    BASE_CSP,
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/**
 * The CSP of the API reference page (/docs/api, lib/api/api-reference.ts), the one page whose
 * policy differs. Its viewer (Scalar) injects <style> elements it does not give a nonce, so
 * this page admits inline styles ('unsafe-inline' is ignored when style-src has a nonce, hence
 * none there). Scripts are held as tightly as everywhere else: only with the response's nonce,
 * never eval (the viewer only probes for it, and copes when it is refused). The page shows
 * public documentation and no data, so a style injected there could reveal nothing.
 */
export function apiReferenceContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    BASE_CSP,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh CSP nonce: 128 random bits, base64. */
export function newCspNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The request header proxy.ts hands the nonce to the page in (route handlers read it too). */
export const NONCE_HEADER = "x-nonce";

/** Sent on every response, session pages included. */
export function securityHeaders(): Header[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
  if (hstsFromEnv()) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  }
  return headers;
}

/** Everything but session pages refuses to be framed, by old and new browsers alike. */
export function denyFramingHeaders(): Header[] {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Content-Security-Policy", value: contentSecurityPolicy("'none'") },
  ];
}

/** Path pattern (next.config `source`) of every page except /s/…, which sets its own policy. */
export const NOT_SESSION_PAGES = "/((?!s/).*)";
