import { encodeSignature } from "../encoding";
import type { ZPrefixedHexSettings } from "../schemas";
import type { z } from "zod";
import { algorithmPrefix, writeBodyOnly, parseSingleBodySignature } from "./body-only";
import type { SchemeModule } from "./types";
import { SCHEME_CATALOGUE } from "../catalogue";

// Signet's default: `X-Signet-Signature: sha256={hex}` over the body; the prefix names the
// algorithm (`sha512=` for SHA-512) and must match it exactly.

type Settings = z.infer<typeof ZPrefixedHexSettings>;

export const prefixedHexScheme: SchemeModule<Settings> = {
  scheme: "prefixed-hex",
  keyBytes: SCHEME_CATALOGUE["prefixed-hex"].keyBytes,
  parse: (settings, headers) => parseSingleBodySignature(settings, headers, settings.header, undefined, algorithmPrefix(settings), "hex"),
  needs: SCHEME_CATALOGUE["prefixed-hex"].needs,
  writeSignedContent: writeBodyOnly,
  formatHeaders: (settings, [signature]) => ({ [settings.header]: algorithmPrefix(settings) + encodeSignature(signature!, "hex") }),
};
