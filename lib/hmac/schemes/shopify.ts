import { encodeSignature } from "../encoding";
import type { ZShopifySettings } from "../schemas";
import type { z } from "zod";
import { writeBodyOnly, parseSingleBodySignature } from "./body-only";
import type { SchemeModule } from "./types";
import { SCHEME_CATALOGUE } from "../catalogue";

// Shopify: `X-Shopify-Hmac-Sha256: {base64}` over the body.

type Settings = z.infer<typeof ZShopifySettings>;

export const SHOPIFY_HEADER = "X-Shopify-Hmac-Sha256";

export const shopifyScheme: SchemeModule<Settings> = {
  scheme: "shopify",
  keyBytes: SCHEME_CATALOGUE["shopify"].keyBytes,
  parse: (settings, headers) => parseSingleBodySignature(settings, headers, SHOPIFY_HEADER, undefined, "", "base64"),
  needs: SCHEME_CATALOGUE["shopify"].needs,
  writeSignedContent: writeBodyOnly,
  formatHeaders: (_settings, [signature]) => ({ [SHOPIFY_HEADER]: encodeSignature(signature!, "base64") }),
};
