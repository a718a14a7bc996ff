import { z } from "zod";

// HMAC settings of a workflow's incoming-webhook trigger. One entry per signature scheme in a
// discriminated union: adding a scheme means a union entry, its module in ./schemes and tests.

export const ZHmacAlgorithm = z.enum(["sha256", "sha384", "sha512", "sha1", "ripemd128", "ripemd160"]);
export type THmacAlgorithm = z.infer<typeof ZHmacAlgorithm>;

// RFC 9110 token characters: what a header field name may contain.
export const ZHeaderName = z
  .string()
  .trim()
  .min(1, "Header name is required")
  .max(100, "Header name is too long")
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "Header name may contain only letters, digits and - _ . ! # $ % & ' * + ^ ` | ~");

const common = {
  enabled: z.boolean().default(false),
  algorithm: ZHmacAlgorithm.default("sha256"),
  toleranceSeconds: z.number().int().min(1).max(86_400).default(300),
  // Where the verified JSON body carries the sender's message id (e.g. "id" for a Stripe
  // event, "event.id"), for schemes without a signed id header. The path syntax is checked
  // with the rest of the workflow definition (lib/workflows/definition/trigger-schemas.ts).
  messageIdPath: z
    .string({ error: "Message id path must be text" })
    .min(1, "Message id path is empty; remove it or write a path like event.id")
    .max(256, "Message id path must be at most 256 characters")
    .optional(),
};

export const ZPrefixedHexSettings = z.object({
  scheme: z.literal("prefixed-hex"),
  header: ZHeaderName.default("X-Signet-Signature"),
  ...common,
});

export const ZPlainHexSettings = z.object({
  scheme: z.literal("plain-hex"),
  header: ZHeaderName.default("X-HMAC-Signature"),
  ...common,
});

export const ZStandardWebhooksSettings = z.object({ scheme: z.literal("standard-webhooks"), ...common });
export const ZStripeSettings = z.object({ scheme: z.literal("stripe"), ...common });
export const ZSlackSettings = z.object({ scheme: z.literal("slack"), ...common });
export const ZGithubSettings = z.object({ scheme: z.literal("github"), ...common });
export const ZShopifySettings = z.object({ scheme: z.literal("shopify"), ...common });

export const ZCustomSchemeConfig = z
  .object({
    header: ZHeaderName,
    prefix: z.string().max(64).default(""),
    encoding: z.enum(["hex", "base64", "base64url"]).default("hex"),
    // Template of the signed bytes over {body}, {timestamp} and {id}; {body} is mandatory.
    signedContent: z
      .string()
      .max(200)
      .default("{body}")
      .refine((t) => t.includes("{body}"), "The signed content must include {body}"),
    timestampHeader: ZHeaderName.optional(),
    idHeader: ZHeaderName.optional(),
    // Separates several signatures in one header value (rotation); empty means one signature.
    separator: z.string().max(4).default(""),
  })
  .refine((c) => !c.signedContent.includes("{timestamp}") || c.timestampHeader, {
    message: "A timestamp header is required when the signed content uses {timestamp}",
    path: ["timestampHeader"],
  })
  .refine((c) => !c.signedContent.includes("{id}") || c.idHeader, {
    message: "An id header is required when the signed content uses {id}",
    path: ["idHeader"],
  })
  // The other direction matters for security: a timestamp or id the signature doesn't cover
  // can be changed by anyone replaying a captured request (a fresh timestamp defeats the
  // tolerance window; another message's id would fetch that message's session).
  .refine((c) => !c.timestampHeader || c.signedContent.includes("{timestamp}"), {
    message: "Include {timestamp} in the signed content, or remove the timestamp header: an unsigned timestamp gives no replay protection",
    path: ["signedContent"],
  })
  .refine((c) => !c.idHeader || c.signedContent.includes("{id}"), {
    message: "Include {id} in the signed content, or remove the id header: an unsigned message id could be swapped",
    path: ["signedContent"],
  });

export const ZCustomSettings = z.object({ scheme: z.literal("custom"), custom: ZCustomSchemeConfig, ...common });

export const ZHmacSettings = z.discriminatedUnion("scheme", [
  ZPrefixedHexSettings,
  ZPlainHexSettings,
  ZStandardWebhooksSettings,
  ZStripeSettings,
  ZSlackSettings,
  ZGithubSettings,
  ZShopifySettings,
  ZCustomSettings,
]);
export type THmacSettings = z.infer<typeof ZHmacSettings>;
export type THmacScheme = THmacSettings["scheme"];

export const DEFAULT_HMAC_SCHEME: THmacScheme = "prefixed-hex";
export const DEFAULT_HMAC_SETTINGS: THmacSettings = ZHmacSettings.parse({ scheme: DEFAULT_HMAC_SCHEME });

/**
 * The settings as callers may write them: `{ "enabled": false }` alone is complete, the
 * scheme defaulting to prefixed hex. (A wrapper rather than a change to ZHmacSettings, whose
 * union members are enumerated by tests and tools.)
 */
export const ZHmacSettingsInput = z.preprocess(
  (input) =>
    typeof input === "object" && input !== null && !Array.isArray(input) && (input as { scheme?: unknown }).scheme === undefined
      ? { ...input, scheme: DEFAULT_HMAC_SCHEME }
      : input,
  ZHmacSettings,
);

/** True when the scheme itself signs a message id (Standard Webhooks' webhook-id, a custom id header). */
export function schemeSignsMessageId(settings: THmacSettings): boolean {
  return settings.scheme === "standard-webhooks" || (settings.scheme === "custom" && settings.custom.idHeader !== undefined);
}
