// Headers applied by next.config.ts. Builder pages must never be framed; session pages
// (/s/{token}) get their frame-ancestors per workflow from proxy.ts instead
// (lib/embedding/session-frame-policy.ts), so the deny-all framing headers skip them.

import { hstsFromEnv } from "../config/env";

type Header = { key: string; value: string };

/**
 * CSP directives every page gets whatever its framing rule: no plugins, no <base> hijacking,
 * forms only post back to us. (script-src would need per-request nonces for Next's inline
 * scripts; not set yet.)
 */
export const BASE_CSP = "object-src 'none'; base-uri 'none'; form-action 'self'";

/** A full Content-Security-Policy value with the given frame-ancestors sources. */
export function contentSecurityPolicy(frameAncestors: string): string {
  return `${BASE_CSP}; frame-ancestors ${frameAncestors}`;
}

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
