import { encodeSignature } from "../encoding";
import type { ZPrefixedHexSettings } from "../schemas";
import type { z } from "zod";
import { algorithmPrefix, noExtras, writeBodyOnly, parseSingleBodySignature } from "./body-only";
import type { SchemeModule } from "./types";

// Signet's default: `X-Signet-Signature: sha256={hex}` over the body; the prefix names the
// algorithm (`sha512=` for SHA-512) and must match it exactly.

type Settings = z.infer<typeof ZPrefixedHexSettings>;

export const prefixedHexScheme: SchemeModule<Settings> = {
  scheme: "prefixed-hex",
  keyBytes: "utf8",
  parse: (settings, headers) => parseSingleBodySignature(settings, headers, settings.header, undefined, algorithmPrefix(settings), "hex"),
  needs: noExtras,
  writeSignedContent: writeBodyOnly,
  formatHeaders: (settings, [signature]) => ({ [settings.header]: algorithmPrefix(settings) + encodeSignature(signature!, "hex") }),
};
