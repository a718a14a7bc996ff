import { ALGORITHMS } from "../algorithms";
import type { SignatureEncoding } from "../encoding";
import { readHeader, type HeaderInput } from "../headers";
import type { THmacSettings } from "../schemas";
import { checkHeaderValue, decodePrefixed, isMalformed, missing, type ParseOutcome } from "./types";

// The shape shared by prefixed-hex, plain-hex, GitHub and Shopify: one header, one signature
// over the body alone, no timestamp.

export function parseSingleBodySignature(
  settings: THmacSettings,
  headers: HeaderInput,
  names: readonly string[],
  prefix: string,
  encoding: SignatureEncoding,
): ParseOutcome {
  let header = names[0]!;
  let value: string | undefined;
  for (const name of names) {
    value = readHeader(headers, name);
    if (value !== undefined) {
      header = name;
      break;
    }
  }
  if (value === undefined) return missing(`The ${names[0]} header is missing.`);
  const bad = checkHeaderValue(header, value);
  if (bad) return bad;
  const decoded = decodePrefixed(header, value, prefix, encoding, settings.algorithm);
  return isMalformed(decoded) ? decoded : { kind: "parsed", request: { signatures: [decoded.bytes] } };
}

export const noExtras = () => ({ timestamp: false, id: false });
export const bodyOnly = (_settings: unknown, body: Uint8Array) => [body];
export const algorithmPrefix = (settings: THmacSettings) => ALGORITHMS[settings.algorithm].prefix;
