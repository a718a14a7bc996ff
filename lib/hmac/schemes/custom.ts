import { encodeSignature } from "../encoding";
import { MAX_MESSAGE_ID_LENGTH, MAX_SIGNATURES, readHeader, type HeaderInput } from "../headers";
import type { ZCustomSettings } from "../schemas";
import type { z } from "zod";
import { SCHEME_CATALOGUE } from "../catalogue";
import { checkHeaderValue, decodePrefixed, isMalformed, malformed, missing, parseTimestamp, type ParseOutcome, type SchemeModule, type SigningContext } from "./types";

// A builder-defined scheme: header, exact prefix, encoding, a template of the signed content
// over {body}, {timestamp} and {id}, optional timestamp and id headers, and a separator for
// several signatures in one value.

type Settings = z.infer<typeof ZCustomSettings>;

type Segment = string | { field: "body" | "timestamp" | "id" };

// Templates are few and reused on every request; parse each once. Bounded so a stream of
// distinct templates (they come from settings, not requests) cannot grow it without limit.
const templateCache = new Map<string, Segment[]>();

export function parseTemplate(template: string): Segment[] {
  const cached = templateCache.get(template);
  if (cached) return cached;
  const segments: Segment[] = [];
  let literal = "";
  for (let i = 0; i < template.length; ) {
    const field = (["body", "timestamp", "id"] as const).find((f) => template.startsWith(`{${f}}`, i));
    if (field) {
      if (literal) segments.push(literal);
      literal = "";
      segments.push({ field });
      i += field.length + 2;
    } else {
      literal += template[i];
      i++;
    }
  }
  if (literal) segments.push(literal);
  if (templateCache.size >= 100) templateCache.clear();
  templateCache.set(template, segments);
  return segments;
}

/**
 * Why the signed bytes of this request could also be read as other values, or null. The
 * template is read from the outside in: a value left of {body} ends at the first occurrence of
 * the literal after it, a value right of {body} starts after the last occurrence of the
 * literal before it. A value that contains that literal (or ends with its start) could give
 * characters to its neighbour, e.g. id "order-10" + timestamp "T" vs "order-1" + "0T" with
 * no separator, and the signature would still match: such a request is refused.
 */
export function ambiguousSplit(segments: readonly Segment[], values: SigningContext, headers: { timestamp?: string; id?: string }): string | null {
  const bodyAt = segments.findIndex((s) => typeof s !== "string" && s.field === "body");
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (typeof segment === "string" || segment.field === "body") continue;
    const value = values[segment.field] ?? "";
    const neighbour = i < bodyAt ? segments[i + 1] : segments[i - 1];
    if (typeof neighbour !== "string") {
      return `The signed content puts {${segment.field}} directly next to another value, so the signed bytes can be split more than one way. Requests are refused until the builder adds a separator.`;
    }
    const delimited = i < bodyAt ? (value + neighbour).indexOf(neighbour) === value.length : (neighbour + value).lastIndexOf(neighbour) === 0;
    if (!delimited) {
      return `The ${headers[segment.field] ?? segment.field} value contains ${JSON.stringify(neighbour)}, which separates it from the next value in the signed content, so the signed bytes can be split more than one way.`;
    }
  }
  return null;
}

function readContext(settings: Settings, headers: HeaderInput): SigningContext {
  const { timestampHeader, idHeader } = settings.custom;
  return {
    timestamp: timestampHeader ? readHeader(headers, timestampHeader) : undefined,
    id: idHeader ? readHeader(headers, idHeader) : undefined,
  };
}

function parse(settings: Settings, headers: HeaderInput): ParseOutcome {
  const { header, prefix, encoding, separator, timestampHeader, idHeader } = settings.custom;
  const value = readHeader(headers, header);
  const context = readContext(settings, headers);
  const absent = [
    value === undefined && header,
    timestampHeader && context.timestamp === undefined && timestampHeader,
    idHeader && context.id === undefined && idHeader,
  ].filter(Boolean);
  if (value === undefined || absent.length > 0) return missing(`Missing header${absent.length > 1 ? "s" : ""}: ${absent.join(", ")}.`);

  // Spaces are malformed unless the separator itself is made of them (", " or " ").
  const bad = checkHeaderValue(header, value, separator.includes(" "));
  if (bad) return bad;
  const signatures: Buffer[] = [];
  if (separator === "") {
    const decoded = decodePrefixed(header, value, prefix, encoding, settings.algorithm);
    if (isMalformed(decoded)) return decoded;
    signatures.push(decoded.bytes);
  } else {
    let start = 0;
    while (start <= value.length && signatures.length < MAX_SIGNATURES) {
      let end = value.indexOf(separator, start);
      if (end === -1) end = value.length;
      if (end > start) {
        const decoded = decodePrefixed(header, value.slice(start, end), prefix, encoding, settings.algorithm, start);
        if (isMalformed(decoded)) return decoded;
        signatures.push(decoded.bytes);
      }
      start = end + separator.length;
    }
    if (signatures.length === 0) return malformed("bad-structure", `The ${header} header holds no signature.`, { header });
  }

  let timestamp: ParsedTimestamp | undefined;
  if (timestampHeader && context.timestamp !== undefined) {
    const parsed = parseTimestamp(timestampHeader, context.timestamp);
    if (isMalformed(parsed)) return parsed;
    timestamp = parsed;
  }
  if (context.id !== undefined && context.id.length > MAX_MESSAGE_ID_LENGTH) {
    return malformed("header-too-long", `The ${idHeader} header is longer than ${MAX_MESSAGE_ID_LENGTH} characters.`, { header: idHeader ?? "id", at: MAX_MESSAGE_ID_LENGTH });
  }
  const ambiguity = ambiguousSplit(parseTemplate(settings.custom.signedContent), { timestamp: timestamp?.raw, id: context.id }, { timestamp: timestampHeader, id: idHeader });
  if (ambiguity) return malformed("bad-structure", ambiguity);
  return { kind: "parsed", request: { signatures, timestamp, messageId: context.id, context: { timestamp: timestamp?.raw, id: context.id } } };
}

type ParsedTimestamp = { raw: string; seconds: number };

export const customScheme: SchemeModule<Settings> & { readContext: typeof readContext } = {
  scheme: "custom",
  keyBytes: SCHEME_CATALOGUE["custom"].keyBytes,
  parse,
  readContext,
  needs: SCHEME_CATALOGUE["custom"].needs,
  writeSignedContent: (settings, mac, body, context) => {
    for (const segment of parseTemplate(settings.custom.signedContent)) {
      mac.update(typeof segment === "string" ? segment : segment.field === "body" ? body : (context[segment.field] ?? ""));
    }
  },
  formatHeaders: (settings, signatures, context) => {
    const { header, prefix, encoding, separator, timestampHeader, idHeader } = settings.custom;
    const used = separator === "" ? signatures.slice(0, 1) : signatures;
    const out: Record<string, string> = { [header]: used.map((s) => prefix + encodeSignature(s, encoding)).join(separator) };
    if (timestampHeader) out[timestampHeader] = context.timestamp ?? "";
    if (idHeader) out[idHeader] = context.id ?? "";
    return out;
  },
};
