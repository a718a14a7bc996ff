import type { HeaderInput } from "../headers";
import type { THmacScheme, THmacSettings } from "../schemas";
import { customScheme } from "./custom";
import { githubScheme } from "./github";
import { plainHexScheme } from "./plain-hex";
import { prefixedHexScheme } from "./prefixed-hex";
import { shopifyScheme } from "./shopify";
import { slackScheme } from "./slack";
import { standardWebhooksScheme } from "./standard-webhooks";
import { stripeScheme } from "./stripe";
import type { SchemeModule, SigningContext } from "./types";

// Scheme id → module. The mapped type makes a new union entry without a module a type error.

type ModuleFor<K extends THmacScheme> = SchemeModule<Extract<THmacSettings, { scheme: K }>> & {
  readContext?: (settings: Extract<THmacSettings, { scheme: K }>, headers: HeaderInput) => SigningContext;
};

export const SCHEMES: { readonly [K in THmacScheme]: ModuleFor<K> } = {
  "prefixed-hex": prefixedHexScheme,
  "plain-hex": plainHexScheme,
  "standard-webhooks": standardWebhooksScheme,
  stripe: stripeScheme,
  slack: slackScheme,
  github: githubScheme,
  shopify: shopifyScheme,
  custom: customScheme,
};

/** The module for these settings, typed over the whole union (TS cannot correlate the lookup). */
export function schemeFor(settings: THmacSettings): SchemeModule & { readContext?: (s: THmacSettings, h: HeaderInput) => SigningContext } {
  return SCHEMES[settings.scheme] as unknown as SchemeModule & { readContext?: (s: THmacSettings, h: HeaderInput) => SigningContext };
}

export type { SchemeModule, SigningContext } from "./types";
