import { parsePath, stringifyPath } from "dot-prop";

// Payload paths as builders write them: `customer.email`, `items[0].sku`, `a\.b` for a key
// that contains a dot. Syntax and formatting come from dot-prop so the builder UI, the
// detected fields and the mapping all speak one dialect. Reading is done here, not with
// dot-prop's getProperty, because getProperty walks the prototype chain (`toString`,
// `name.length` on a string, `items.length` on an array) and a mapping must only ever see
// data the partner actually sent.

export type TPayloadPathSegment = string | number;

export type ParsePayloadPathResult =
  | { ok: true; segments: TPayloadPathSegment[] }
  | { ok: false; message: string };

export const MAX_PAYLOAD_PATH_LENGTH = 256;
export const MAX_PAYLOAD_PATH_SEGMENTS = 32;

// dot-prop silently answers [] for these; we say why instead.
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

export function parsePayloadPath(path: string): ParsePayloadPathResult {
  if (typeof path !== "string" || path === "") return { ok: false, message: "Path is required" };
  if (path.length > MAX_PAYLOAD_PATH_LENGTH) {
    return { ok: false, message: `Path is longer than ${MAX_PAYLOAD_PATH_LENGTH} characters` };
  }
  // Spaces are kept, not trimmed: partners do send keys like "first name " and every key
  // they send must be addressable. The builder UI picks paths from detected fields.
  let segments: TPayloadPathSegment[];
  try {
    segments = parsePath(path);
  } catch (error) {
    return { ok: false, message: `Invalid path: ${error instanceof Error ? error.message : "syntax error"}` };
  }
  if (segments.length === 0) return { ok: false, message: "Path uses a reserved key (__proto__, prototype, constructor)" };
  for (const segment of segments) {
    if (segment === "") return { ok: false, message: "Path has an empty segment (check for '..' or a leading/trailing '.')" };
    if (typeof segment === "string" && FORBIDDEN_SEGMENTS.has(segment)) {
      return { ok: false, message: `Path uses the reserved key "${segment}"` };
    }
  }
  if (segments.length > MAX_PAYLOAD_PATH_SEGMENTS) {
    return { ok: false, message: `Path is deeper than ${MAX_PAYLOAD_PATH_SEGMENTS} levels` };
  }
  return { ok: true, segments };
}

/** The path string for segments; `parsePayloadPath(formatPayloadPath(s))` gives `s` back. */
export function formatPayloadPath(segments: readonly TPayloadPathSegment[]): string {
  return stringifyPath(segments);
}

export type ReadPayloadResult = { found: true; value: unknown } | { found: false };

/** Follows segments through own properties only; arrays are entered by index only. */
export function readPayloadPath(payload: unknown, segments: readonly TPayloadPathSegment[]): ReadPayloadResult {
  let current: unknown = payload;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (typeof segment !== "number" || segment >= current.length) return { found: false };
      current = current[segment];
    } else if (current !== null && typeof current === "object") {
      const key = String(segment);
      if (!Object.hasOwn(current, key)) return { found: false };
      current = (current as Record<string, unknown>)[key];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
