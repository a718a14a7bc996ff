import { randomBytes } from "node:crypto";
import { createMac } from "./algorithms";
import type { THmacSettings } from "./schemas";
import { schemeFor, type SigningContext } from "./schemes";
import { macKey } from "./signing-secrets";

// Signing for every scheme with the same modules that verify: used by the code snippets, the
// tests and the "send a signed test request" button.

export interface SignRequestInput {
  settings: THmacSettings;
  secret: string;
  body: Uint8Array;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Message id for schemes that carry one; defaults to a random `msg_{hex}`. */
  id?: string;
}

/** The HMAC of the scheme's signed content under one secret. */
export function computeSignature(settings: THmacSettings, secret: string, body: Uint8Array, context: SigningContext): Buffer {
  const mac = createMac(settings.algorithm, macKey(settings.scheme, secret));
  schemeFor(settings).writeSignedContent(settings, mac, body, context);
  return mac.digest();
}

export function signingContext(settings: THmacSettings, timestamp?: number, id?: string): SigningContext {
  const needs = schemeFor(settings).needs(settings);
  return {
    timestamp: needs.timestamp ? String(timestamp ?? Math.floor(Date.now() / 1000)) : undefined,
    // Hex: no character a template could use as a separator (see settings-rules.ts).
    id: needs.id ? (id ?? `msg_${randomBytes(12).toString("hex")}`) : undefined,
  };
}

/** The headers a sender must add to sign `body`. */
export function signRequest(input: SignRequestInput): Record<string, string> {
  return signRequestWithSecrets({ ...input, secrets: [input.secret] });
}

/**
 * Signs with several secrets at once, as a sender does during rotation: schemes that carry
 * several signatures (Standard Webhooks, Stripe, custom with a separator) list them all; the
 * others use the first secret.
 */
export function signRequestWithSecrets(input: Omit<SignRequestInput, "secret"> & { secrets: string[] }): Record<string, string> {
  const { settings, body } = input;
  const context = signingContext(settings, input.timestamp, input.id);
  const signatures = input.secrets.map((secret) => computeSignature(settings, secret, body, context));
  return schemeFor(settings).formatHeaders(settings, signatures, context);
}
