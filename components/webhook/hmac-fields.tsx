"use client";

import type { THmacSettings } from "@/lib/hmac/schemas";

// Small labelled inputs of the HMAC panel, errors wired to aria-describedby.

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm disabled:bg-slate-50";

export function describedBy(id: string, hint: boolean, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

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
