import { encodeSignature, indexWithin } from "../encoding";
import { MAX_SIGNATURES, readHeader, type HeaderInput } from "../headers";
import type { ZStripeSettings } from "../schemas";
import type { z } from "zod";
import { SCHEME_CATALOGUE } from "../catalogue";
import { checkHeaderValue, decodePrefixed, isMalformed, malformed, missing, parseTimestamp, type ParseOutcome, type SchemeModule } from "./types";

// Stripe: `Stripe-Signature: t={unix},v1={hex}[,v1={hex}…]`, signed `{t}.{body}`. Other keys
// (v0 test-mode signatures, future versions) are ignored, as Stripe's own libraries do.

type Settings = z.infer<typeof ZStripeSettings>;

export const STRIPE_HEADER = "Stripe-Signature";

/** The raw `t=` value, read leniently (for the debugger); undefined if absent. */
function timestampField(value: string): string | undefined {
  let start = 0;
  while (start < value.length) {
    let end = value.indexOf(",", start);
    if (end === -1) end = value.length;
    if (value.startsWith("t=", start)) return value.slice(start + 2, end);
    start = end + 1;
  }
  return undefined;
}

function readContext(_settings: Settings, headers: HeaderInput) {
  const value = readHeader(headers, STRIPE_HEADER);
  return { timestamp: value === undefined ? undefined : timestampField(value) };
}

function parse(settings: Settings, headers: HeaderInput): ParseOutcome {
  const value = readHeader(headers, STRIPE_HEADER);
  if (value === undefined) return missing(`The ${STRIPE_HEADER} header is missing.`);
  const bad = checkHeaderValue(STRIPE_HEADER, value);
  if (bad) return bad;
  const signatures: Buffer[] = [];
  let timestampRaw: string | undefined;
  let start = 0;
  while (start < value.length) {
    let end = value.indexOf(",", start);
    if (end === -1) end = value.length;
    const eq = indexWithin(value, 61 /* = */, start, end);
    if (eq === -1 || eq === start) {
      return malformed("bad-structure", `${STRIPE_HEADER} must be a list of key=value pairs: t={timestamp},v1={signature}.`, { header: STRIPE_HEADER, at: start });
    }
    if (eq - start === 1 && value.charCodeAt(start) === 116 /* t */) {
      if (timestampRaw !== undefined) return malformed("bad-structure", `${STRIPE_HEADER} has more than one t= field.`, { header: STRIPE_HEADER, at: start });
      timestampRaw = value.slice(eq + 1, end);
    } else if (eq - start === 2 && value.startsWith("v1", start) && signatures.length < MAX_SIGNATURES) {
      const decoded = decodePrefixed(STRIPE_HEADER, value.slice(start, end), "v1=", "hex", settings.algorithm, start);
      if (isMalformed(decoded)) return decoded;
      signatures.push(decoded.bytes);
    }
    start = end + 1;
  }
  if (timestampRaw === undefined) return malformed("bad-timestamp", `${STRIPE_HEADER} has no t= timestamp.`, { header: STRIPE_HEADER });
  const timestamp = parseTimestamp(`${STRIPE_HEADER} t=`, timestampRaw);
  if (isMalformed(timestamp)) return timestamp;
  return {
    kind: "parsed",
    request: { signatures, timestamp, context: { timestamp: timestamp.raw }, emptyReason: signatures.length === 0 ? `${STRIPE_HEADER} has no v1 signature.` : undefined },
  };
}

export const stripeScheme: SchemeModule<Settings> & { readContext: typeof readContext } = {
  scheme: "stripe",
  keyBytes: SCHEME_CATALOGUE["stripe"].keyBytes,
  parse,
  readContext,
  needs: SCHEME_CATALOGUE["stripe"].needs,
  writeSignedContent: (_settings, mac, body, { timestamp }) => {
    mac.update(`${timestamp}.`).update(body);
  },
  formatHeaders: (_settings, signatures, { timestamp }) => ({
    [STRIPE_HEADER]: [`t=${timestamp}`, ...signatures.map((s) => `v1=${encodeSignature(s, "hex")}`)].join(","),
  }),
};
