// Turns the raw bytes of a verified webhook request into a payload for mapping. It runs
// only after the signature was checked over those same bytes, and it never throws: every
// odd input becomes a result the route maps to 415 or 422.
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/workflows/storable-text";

export type ParseBodyResult =
  | { ok: true; payload: unknown }
  | { ok: false; code: "unsupported_media_type" | "invalid_body"; message: string };

interface MediaType {
  essence: string;
  charset: string | null;
}

/** `type/subtype` in lower case plus the charset parameter, per RFC 9110 §8.3.1. */
export function parseMediaType(contentType: string): MediaType | null {
  const [essencePart, ...params] = contentType.split(";");
  const essence = (essencePart ?? "").trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(essence)) return null;
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf("=");
    if (eq === -1) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    charset = param.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1").toLowerCase();
  }
  return { essence, charset };
}

const isJson = (essence: string) => essence === "application/json" || /^application\/[^/]+\+json$/.test(essence);
const isUtf8 = (charset: string | null) => charset === null || charset === "utf-8" || charset === "utf8";

const unsupported = (message: string): ParseBodyResult => ({ ok: false, code: "unsupported_media_type", message });
const invalid = (message: string): ParseBodyResult => ({ ok: false, code: "invalid_body", message });

/**
 * Whether a Content-Type is one parseBody accepts, decided before the body is read (so a
 * 415 never waits for a large upload). Null when supported, otherwise the reason.
 */
export function unsupportedContentType(contentType: string | null): string | null {
  const media = contentType === null ? null : parseMediaType(contentType);
  if (media === null) return "Send Content-Type: application/json or application/x-www-form-urlencoded";
  if (!isJson(media.essence) && media.essence !== "application/x-www-form-urlencoded") {
    return `Content type ${media.essence} is not supported; send application/json or application/x-www-form-urlencoded`;
  }
  if (!isUtf8(media.charset)) return `Charset ${JSON.stringify(media.charset?.slice(0, 40))} is not supported; send UTF-8`;
  return null;
}

export function parseBody(bytes: Uint8Array, contentType: string | null): ParseBodyResult {
  const problem = unsupportedContentType(contentType);
  if (problem !== null) return unsupported(problem);
  const media = contentType === null ? null : parseMediaType(contentType);
  const json = media !== null && isJson(media.essence);

  let text: string;
  try {
    // fatal: malformed UTF-8 is refused, never patched with U+FFFD. The default
    // ignoreBOM=false strips one leading BOM: RFC 8259 §8.1 lets a parser ignore it, some
    // Windows tooling writes it, and the signature was already checked over the raw bytes.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return invalid("The body is not valid UTF-8");
  }
  const parsed = json ? parseJsonText(text) : parseFormText(text);
  if (parsed.ok && findUnstorableText(parsed.payload) !== null) return invalid(`The body ${UNSTORABLE_TEXT_MESSAGE}`);
  return parsed;
}

function parseJsonText(text: string): ParseBodyResult {
  if (text.trim() === "") return invalid("The body is empty; expected JSON");
  try {
    return { ok: true, payload: JSON.parse(text) as unknown };
  } catch (error) {
    // V8's messages name the position ("Unexpected token } in JSON at position 12") and
    // quote at most a short excerpt, which helps the partner; anything else stays generic.
    const detail = error instanceof SyntaxError ? `: ${error.message.slice(0, 200)}` : "";
    return invalid(`The body is not valid JSON${detail}`);
  }
}

/**
 * `a=1&b=x+y&a=2` → `{ a: ["1", "2"], b: "x y" }`. Hand-rolled rather than URLSearchParams
 * because URLSearchParams turns malformed percent-escapes (`%FF`) into U+FFFD silently; here
 * they are refused like malformed UTF-8 in JSON. Values stay strings (Slack's
 * `payload=<json>` included); repeated keys become a list in the order received.
 */
function parseFormText(text: string): ParseBodyResult {
  const entries = new Map<string, string | string[]>();
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((eq === -1 ? pair : pair.slice(0, eq)).replaceAll("+", " "));
      value = eq === -1 ? "" : decodeURIComponent(pair.slice(eq + 1).replaceAll("+", " "));
    } catch {
      return invalid("The form body has a malformed percent-escape");
    }
    const existing = entries.get(name);
    if (existing === undefined) entries.set(name, value);
    else if (Array.isArray(existing)) existing.push(value);
    else entries.set(name, [existing, value]);
  }
  // fromEntries defines own data properties, so a "__proto__" field stays a field.
  return { ok: true, payload: Object.fromEntries(entries) };
}
