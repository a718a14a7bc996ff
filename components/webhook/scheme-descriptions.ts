import type { THmacSettings } from "@/lib/hmac/schemas";

// What the HMAC panel says about each scheme.

export const SCHEME_DESCRIPTIONS: Record<THmacSettings["scheme"], string> = {
  "prefixed-hex": "One header, value sha256={hex} over the raw body. Signet's default.",
  "plain-hex": "One header with the bare hex digest of the body (either case).",
  "standard-webhooks": "webhook-id, webhook-timestamp, webhook-signature: v1,{base64} over {id}.{timestamp}.{body}. Replay-protected.",
  stripe: "Stripe-Signature: t={timestamp},v1={hex} over {timestamp}.{body}. Replay-protected.",
  slack: "X-Slack-Signature: v0={hex} over v0:{timestamp}:{body}, timestamp in X-Slack-Request-Timestamp.",
  github: "X-Hub-Signature-256: sha256={hex} over the body.",
  shopify: "X-Shopify-Hmac-Sha256: base64 digest of the body.",
  custom: "Your own header, prefix, encoding and signed-content template.",
};

export function usesTimestamp(settings: THmacSettings): boolean {
  if (settings.scheme === "custom") return Boolean(settings.custom.timestampHeader);
  return settings.scheme === "standard-webhooks" || settings.scheme === "stripe" || settings.scheme === "slack";
}
