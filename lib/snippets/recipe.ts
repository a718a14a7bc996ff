import type { THmacSettings } from "@/lib/hmac/schemas";
import { ALGORITHMS } from "@/lib/hmac/algorithms";
import { SCHEMES } from "@/lib/hmac/schemes";
import { parseTemplate } from "@/lib/hmac/schemes/custom";
import { githubHeader } from "@/lib/hmac/schemes/github";
import { SHOPIFY_HEADER } from "@/lib/hmac/schemes/shopify";
import { SLACK_SIGNATURE_HEADER, SLACK_TIMESTAMP_HEADER } from "@/lib/hmac/schemes/slack";
import { STRIPE_HEADER } from "@/lib/hmac/schemes/stripe";
import type { Part, SigningRecipe } from "./types";

// Settings → recipe. Mirrors lib/hmac/schemes/* (signedContent and formatHeaders); the
// snippet tests run the generated code against verifySignature, so a drift here fails them.

const lit = (literal: string): Part => ({ literal });
const BODY: Part = { field: "body" };
const TS: Part = { field: "timestamp" };
const ID: Part = { field: "id" };
const SIG: Part = { field: "signature" };

export function signingRecipe(settings: THmacSettings): SigningRecipe {
  const base = { algorithm: settings.algorithm, keyBytes: SCHEMES[settings.scheme].keyBytes };
  const prefix = ALGORITHMS[settings.algorithm].prefix;
  const bodyOnly = { ...base, needsTimestamp: false, needsId: false, signed: [BODY] };
  switch (settings.scheme) {
    case "prefixed-hex":
      return { ...bodyOnly, encoding: "hex", headers: [{ name: settings.header, value: [lit(prefix), SIG] }] };
    case "plain-hex":
      return { ...bodyOnly, encoding: "hex", headers: [{ name: settings.header, value: [SIG] }] };
    case "github":
      return { ...bodyOnly, encoding: "hex", headers: [{ name: githubHeader(settings), value: [lit(prefix), SIG] }] };
    case "shopify":
      return { ...bodyOnly, encoding: "base64", headers: [{ name: SHOPIFY_HEADER, value: [SIG] }] };
    case "standard-webhooks":
      return {
        ...base,
        needsTimestamp: true,
        needsId: true,
        signed: [ID, lit("."), TS, lit("."), BODY],
        encoding: "base64",
        headers: [
          { name: "webhook-id", value: [ID] },
          { name: "webhook-timestamp", value: [TS] },
          { name: "webhook-signature", value: [lit("v1,"), SIG] },
        ],
      };
    case "stripe":
      return {
        ...base,
        needsTimestamp: true,
        needsId: false,
        signed: [TS, lit("."), BODY],
        encoding: "hex",
        headers: [{ name: STRIPE_HEADER, value: [lit("t="), TS, lit(",v1="), SIG] }],
      };
    case "slack":
      return {
        ...base,
        needsTimestamp: true,
        needsId: false,
        signed: [lit("v0:"), TS, lit(":"), BODY],
        encoding: "hex",
        headers: [
          { name: SLACK_SIGNATURE_HEADER, value: [lit("v0="), SIG] },
          { name: SLACK_TIMESTAMP_HEADER, value: [TS] },
        ],
      };
    case "custom": {
      const c = settings.custom;
      const headers: SigningRecipe["headers"] = [{ name: c.header, value: c.prefix ? [lit(c.prefix), SIG] : [SIG] }];
      if (c.timestampHeader) headers.push({ name: c.timestampHeader, value: [TS] });
      if (c.idHeader) headers.push({ name: c.idHeader, value: [ID] });
      return {
        ...base,
        needsTimestamp: Boolean(c.timestampHeader),
        needsId: Boolean(c.idHeader),
        signed: parseTemplate(c.signedContent).map((s) => (typeof s === "string" ? lit(s) : { field: s.field })),
        encoding: c.encoding,
        headers,
      };
    }
  }
}

/** Joins adjacent literals, so renderers emit `"v0:" + ts` rather than several pieces. */
export function compactParts(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if ("literal" in part && last && "literal" in last) out[out.length - 1] = { literal: last.literal + part.literal };
    else if (!("literal" in part) || part.literal !== "") out.push(part);
  }
  return out;
}
