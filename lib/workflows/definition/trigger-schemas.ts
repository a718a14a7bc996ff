import { z } from "zod";
import { missingOr } from "./field-schemas";
import { DEFAULT_HMAC_SETTINGS, schemeSignsMessageId, ZHmacSettingsInput } from "@/lib/hmac/schemas";
import { parsePayloadPath } from "@/lib/workflows/mapping/payload-path";

// Triggers: one union entry per way of starting a session. Adding one means an entry here,
// its config schema and its tests.

export const MAX_ALLOWED_ORIGINS = 50;

/**
 * An origin that may frame session pages (CSP frame-ancestors): http(s) scheme, host and
 * optional port, nothing else. Normalised to the URL standard's serialisation
 * (`https://Portal.Example.com:443/` → `https://portal.example.com`) so duplicates are
 * caught and the CSP header gets a canonical value.
 */
export const ZAllowedOrigin = z.string({ error: "Origin must be text" }).transform((input, ctx) => {
  const raw = input.trim();
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message, input });
    return z.NEVER;
  };
  if (raw === "") return fail("Origin is required");
  if (raw.length > 2048) return fail("Origin is too long");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(`"${raw}" is not a valid origin; use e.g. https://portal.example.com`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return fail("Origin must start with https:// or http://");
  if (url.username !== "" || url.password !== "") return fail("Origin must not contain a user name or password");
  // A lone trailing slash is what browsers show in the address bar; anything more is a path.
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || /[?#]/.test(raw)) {
    return fail("Origin must be only scheme, host and port (no path, query or fragment)");
  }
  if (url.hostname === "") return fail("Origin must have a host");
  return url.origin;
});

// An origin as CSP and postMessage need it, nothing more: http(s), a DNS name (IDN already in
// punycode) or an IP literal, an optional port. The URL parser alone accepts hosts such as
// `a.example;script-src` or `a.example,*` that would change the header they are written into.
const DNS_LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const STRICT_ORIGIN = new RegExp(`^https?://(?:${DNS_LABEL}(?:\\.${DNS_LABEL})*|\\[[0-9a-f:.]+\\])(?::[0-9]{1,5})?$`);

/** True for a canonical origin (as ZAllowedOrigin outputs) in the strict grammar above. */
export function isStrictOrigin(origin: string): boolean {
  return origin.length <= 253 + 16 && STRICT_ORIGIN.test(origin);
}

export const ZWebhookTrigger = z.object({
  type: z.literal("webhook"),
  hmac: ZHmacSettingsInput.default(() => structuredClone(DEFAULT_HMAC_SETTINGS)).superRefine((hmac, ctx) => {
    if (hmac.messageIdPath === undefined) return;
    const parsed = parsePayloadPath(hmac.messageIdPath);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message, path: ["messageIdPath"] });
    else if (schemeSignsMessageId(hmac)) {
      ctx.addIssue({
        code: "custom",
        message: "This scheme signs its own message id header, which is used for repeats; leave the message id path empty.",
        path: ["messageIdPath"],
      });
    }
  }),
  allowedOrigins: z
    .array(ZAllowedOrigin, { error: "Allowed origins must be a list" })
    .max(MAX_ALLOWED_ORIGINS, `At most ${MAX_ALLOWED_ORIGINS} origins`)
    .default([])
    .superRefine((origins, ctx) => {
      const seen = new Set<string>();
      origins.forEach((origin, index) => {
        if (seen.has(origin)) ctx.addIssue({ code: "custom", message: `Duplicate origin ${origin}`, path: [index] });
        seen.add(origin);
      });
    }),
});

export const TRIGGER_TYPES = ["webhook"] as const;

export const ZTrigger = z.discriminatedUnion("type", [ZWebhookTrigger], {
  error: missingOr("Trigger is required", `Trigger type must be one of: ${TRIGGER_TYPES.join(", ")}`),
});
