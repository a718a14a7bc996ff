import type { THmacAlgorithm, THmacScheme, THmacSettings } from "./schemas";

// The one table of what each signature scheme and algorithm is called, what it does, and what
// a sender must provide besides the body. Client-safe (no node:crypto): the builder's panels
// read it, and the engine's scheme modules (./schemes) take keyBytes and needs from it, so the
// UI cannot describe a scheme differently from how it verifies.

type SettingsOf<K extends THmacScheme> = Extract<THmacSettings, { scheme: K }>;

export interface SchemeInfo<S extends THmacSettings = THmacSettings> {
  label: string;
  description: string;
  /** How the secret becomes key bytes: its UTF-8 bytes, or base64 after `whsec_`. */
  keyBytes: "utf8" | "whsec-base64";
  /** What a sender must provide besides the body. */
  needs(settings: S): { timestamp: boolean; id: boolean };
}

const bodyOnly = () => ({ timestamp: false, id: false });

export const SCHEME_CATALOGUE: { readonly [K in THmacScheme]: SchemeInfo<SettingsOf<K>> } = {
  "prefixed-hex": {
    label: "Prefixed hex (sha256=…)",
    description: "One header, value sha256={hex} over the raw body. Signet's default.",
    keyBytes: "utf8",
    needs: bodyOnly,
  },
  "plain-hex": {
    label: "Plain hex",
    description: "One header with the bare hex digest of the body (either case).",
    keyBytes: "utf8",
    needs: bodyOnly,
  },
  "standard-webhooks": {
    label: "Standard Webhooks",
    description: "webhook-id, webhook-timestamp, webhook-signature: v1,{base64} over {id}.{timestamp}.{body}. Replay-protected.",
    keyBytes: "whsec-base64",
    needs: () => ({ timestamp: true, id: true }),
  },
  stripe: {
    label: "Stripe-style",
    description: "Stripe-Signature: t={timestamp},v1={hex} over {timestamp}.{body}. Replay-protected.",
    keyBytes: "utf8",
    needs: () => ({ timestamp: true, id: false }),
  },
  slack: {
    label: "Slack-style",
    description: "X-Slack-Signature: v0={hex} over v0:{timestamp}:{body}, timestamp in X-Slack-Request-Timestamp.",
    keyBytes: "utf8",
    needs: () => ({ timestamp: true, id: false }),
  },
  github: {
    label: "GitHub-style",
    description: "X-Hub-Signature-256: sha256={hex} over the body.",
    keyBytes: "utf8",
    needs: bodyOnly,
  },
  shopify: {
    label: "Shopify-style",
    description: "X-Shopify-Hmac-Sha256: base64 digest of the body.",
    keyBytes: "utf8",
    needs: bodyOnly,
  },
  custom: {
    label: "Custom",
    description: "Your own header, prefix, encoding and signed-content template.",
    keyBytes: "utf8",
    needs: (settings) => ({ timestamp: Boolean(settings.custom.timestampHeader), id: Boolean(settings.custom.idHeader) }),
  },
};

/** What a sender of these settings must provide besides the body. */
export function schemeNeeds(settings: THmacSettings): { timestamp: boolean; id: boolean } {
  return (SCHEME_CATALOGUE[settings.scheme] as SchemeInfo).needs(settings);
}

export interface AlgorithmNames {
  name: string;
  /** Weak or outdated; the UI flags it and suggests SHA-256. */
  legacy: boolean;
}

export const ALGORITHM_CATALOGUE: Readonly<Record<THmacAlgorithm, AlgorithmNames>> = {
  sha256: { name: "SHA-256", legacy: false },
  sha384: { name: "SHA-384", legacy: false },
  sha512: { name: "SHA-512", legacy: false },
  sha1: { name: "SHA-1", legacy: true },
  ripemd128: { name: "RIPEMD-128", legacy: true },
  ripemd160: { name: "RIPEMD-160", legacy: false },
};

/** How a picker names an algorithm: "SHA-256 (recommended)", "SHA-1 (legacy, weak)". */
export function algorithmOptionLabel(algorithm: THmacAlgorithm): string {
  const { name, legacy } = ALGORITHM_CATALOGUE[algorithm];
  return legacy ? `${name} (legacy, weak)` : algorithm === "sha256" ? `${name} (recommended)` : name;
}

/** The choices of a scheme select and an algorithm select, in catalogue order. */
export const SCHEME_OPTIONS = (Object.keys(SCHEME_CATALOGUE) as THmacScheme[]).map((value) => ({ value, label: SCHEME_CATALOGUE[value].label }));
export const ALGORITHM_OPTIONS = (Object.keys(ALGORITHM_CATALOGUE) as THmacAlgorithm[]).map((value) => ({ value, label: algorithmOptionLabel(value) }));
