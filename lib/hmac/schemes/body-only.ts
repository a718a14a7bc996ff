import { ALGORITHMS, type Mac } from "../algorithms";
import type { SignatureEncoding } from "../encoding";
import { readHeader, type HeaderInput } from "../headers";
import type { THmacSettings } from "../schemas";
import { checkHeaderLength, decodePrefixed, isMalformed, missing, NO_CONTEXT, type ParseOutcome } from "./types";

// The shape shared by prefixed-hex, plain-hex, GitHub and Shopify: one header, one signature
// over the body alone, no timestamp.

export function parseSingleBodySignature(
  settings: THmacSettings,
  headers: HeaderInput,
  name: string,
  alias: string | undefined,
  prefix: string,
  encoding: SignatureEncoding,
): ParseOutcome {
  let header = name;
  let value = readHeader(headers, name);
  if (value === undefined && alias !== undefined) {
    header = alias;
    value = readHeader(headers, alias);
  }
  if (value === undefined) return missing(`The ${name} header is missing.`);
  const bad = checkHeaderLength(header, value);
  if (bad) return bad;
  const decoded = decodePrefixed(header, value, prefix, encoding, settings.algorithm);
  return isMalformed(decoded) ? decoded : { kind: "parsed", request: { signatures: [decoded.bytes], context: NO_CONTEXT } };
}

export const writeBodyOnly = (_settings: unknown, mac: Mac, body: Uint8Array) => {
  mac.update(body);
};
export const algorithmPrefix = (settings: THmacSettings) => ALGORITHMS[settings.algorithm].prefix;
