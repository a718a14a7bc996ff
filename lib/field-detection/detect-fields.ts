import { z } from "zod";
import { toIsoDate } from "@/lib/workflows/mapping/iso-date";
import { formatPayloadPath, parsePayloadPath, type TPayloadPathSegment } from "@/lib/workflows/mapping/payload-path";

// The "detected fields" a builder maps from: every leaf of a sample payload with its JSON
// path, a type and an example. Samples come from partners and may be hostile, so the walk
// is bounded in depth, in count and in the size of what it keeps.

export type TDetectedFieldType = "string" | "number" | "boolean" | "null" | "object" | "array" | "email" | "date";

export interface DetectedField {
  path: string;
  type: TDetectedFieldType;
  /** The sample value; strings cut to MAX_EXAMPLE_CHARS, arrays and objects summarised. */
  example: string | number | boolean | null;
}

export const MAX_DETECT_DEPTH = 8;
export const MAX_DETECTED_FIELDS = 500;
export const MAX_EXAMPLE_CHARS = 120;

const ZEmailAddress = z.email().max(254);

function truncate(text: string): string {
  if (text.length <= MAX_EXAMPLE_CHARS) return text;
  // Counted in code points, so an emoji is never cut in half. The window of 2×MAX+2 UTF-16
  // units holds more than MAX code points unless it holds the whole string.
  const head = Array.from(text.slice(0, MAX_EXAMPLE_CHARS * 2 + 2));
  if (head.length <= MAX_EXAMPLE_CHARS) return text;
  return `${head.slice(0, MAX_EXAMPLE_CHARS - 1).join("")}…`;
}

function classifyString(text: string): TDetectedFieldType {
  if (text.length <= 254 && text.includes("@") && ZEmailAddress.safeParse(text).success) return "email";
  if (toIsoDate(text) !== null) return "date";
  return "string";
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Only keys a mapping could name (e.g. not "__proto__" or ""), so every path parses back. */
function addressable(segments: TPayloadPathSegment[]): string | null {
  const path = formatPayloadPath(segments);
  const parsed = parsePayloadPath(path);
  return parsed.ok ? path : null;
}

/**
 * Leaves and arrays of a payload, in document order: `customer.email`, `items` (the array)
 * and, for arrays of objects, the first element's leaves as `items[0].sku`. Containers
 * deeper than MAX_DETECT_DEPTH are listed as "object"/"array" without their contents.
 */
export function detectFields(payload: unknown): DetectedField[] {
  const found: DetectedField[] = [];
  const visit = (value: unknown, segments: TPayloadPathSegment[]): void => {
    if (found.length >= MAX_DETECTED_FIELDS) return;
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (segments.length > 0 && (keys.length === 0 || segments.length >= MAX_DETECT_DEPTH)) {
        const path = addressable(segments);
        if (path !== null) found.push({ path, type: "object", example: keys.length === 0 ? "{}" : "{…}" });
        return;
      }
      for (const key of keys) {
        if (found.length >= MAX_DETECTED_FIELDS) return;
        visit(value[key], [...segments, key]);
      }
      return;
    }
    if (Array.isArray(value)) {
      if (segments.length > 0) {
        const path = addressable(segments);
        if (path === null) return;
        found.push({ path, type: "array", example: `[${value.length} item${value.length === 1 ? "" : "s"}]` });
      }
      if (isPlainObject(value[0]) && segments.length < MAX_DETECT_DEPTH) visit(value[0], [...segments, 0]);
      return;
    }
    if (segments.length === 0) return;
    const path = addressable(segments);
    if (path === null) return;
    if (typeof value === "string") found.push({ path, type: classifyString(value), example: truncate(value) });
    else if (typeof value === "number") found.push({ path, type: "number", example: value });
    else if (typeof value === "boolean") found.push({ path, type: "boolean", example: value });
    else if (value === null) found.push({ path, type: "null", example: null });
  };
  visit(payload, []);
  return found;
}

/**
 * Detected fields across samples: paths keep their first-seen order, a newer sample's type
 * and example win, except that a `null` never hides a type seen before (a partner that sends
 * `"phone": null` today sent a string yesterday).
 */
export function mergeDetected(existing: readonly DetectedField[], fresh: readonly DetectedField[]): DetectedField[] {
  const merged = new Map<string, DetectedField>();
  for (const field of existing) merged.set(field.path, field);
  for (const field of fresh) {
    const before = merged.get(field.path);
    if (before && field.type === "null" && before.type !== "null") continue;
    if (!before && merged.size >= MAX_DETECTED_FIELDS) continue;
    merged.set(field.path, field);
  }
  return [...merged.values()];
}
