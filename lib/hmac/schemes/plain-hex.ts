import { encodeSignature } from "../encoding";
import type { ZPlainHexSettings } from "../schemas";
import type { z } from "zod";
import { writeBodyOnly, parseSingleBodySignature } from "./body-only";
import type { SchemeModule } from "./types";
import { SCHEME_CATALOGUE } from "../catalogue";

// Bare hex digest of the body in one header (either case), as many small services send it.

type Settings = z.infer<typeof ZPlainHexSettings>;

const DEFAULT_HEADER = "X-HMAC-Signature";
// Services using this shape split between the two names; with the default name both are read.
const DEFAULT_ALIAS = "X-HMAC-HASH";

export const plainHexScheme: SchemeModule<Settings> = {
  scheme: "plain-hex",
  keyBytes: SCHEME_CATALOGUE["plain-hex"].keyBytes,
  parse: (settings, headers) =>
    parseSingleBodySignature(settings, headers, settings.header, settings.header.toLowerCase() === DEFAULT_HEADER.toLowerCase() ? DEFAULT_ALIAS : undefined, "", "hex"),
  needs: SCHEME_CATALOGUE["plain-hex"].needs,
  writeSignedContent: writeBodyOnly,
  formatHeaders: (settings, [signature]) => ({ [settings.header]: encodeSignature(signature!, "hex") }),
};
