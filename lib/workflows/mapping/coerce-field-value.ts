import { z } from "zod";
import type { TField } from "@/lib/workflows/definition/field-schemas";
import { toIsoDate } from "./iso-date";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/workflows/storable-text";

// One set of coercion rules for every way a value reaches a field: a mapped webhook payload
// (JSON types) and a submitted HTML form (strings). Strings are never normalised (no trim,
// no Unicode normalisation) except where the type demands it (numbers, dates, checkboxes),
// so text and emoji arrive byte-exact.

export type TFieldValue = string | number | boolean;

export type CoerceResult =
  | { kind: "value"; value: TFieldValue }
  | { kind: "empty" }
  | { kind: "invalid"; message: string };

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_WORDS = new Set(["true", "1", "yes", "on"]);
const FALSE_WORDS = new Set(["false", "0", "no", "off"]);
// RFC 5321 caps an address at 254 characters; the cap also keeps the regex cheap.
const ZEmailAddress = z.email().max(254);

/** A short, safe rendering of a received value for messages (never the whole payload). */
export function describeValue(raw: unknown): string {
  if (Array.isArray(raw)) return "a list";
  if (raw === null) return "null";
  if (typeof raw === "object") return "an object";
  if (typeof raw === "string") {
    // 40 code points at most (never half an emoji); 160 units always hold them.
    const head = Array.from(raw.slice(0, 160)).slice(0, 40).join("");
    return JSON.stringify(head.length < raw.length ? `${head}…` : raw);
  }
  return String(raw);
}

const invalid = (message: string): CoerceResult => ({ kind: "invalid", message });
const value = (v: TFieldValue): CoerceResult => ({ kind: "value", value: v });

export function isEmptyValue(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

export function coerceFieldValue(field: TField, raw: unknown): CoerceResult {
  if (isEmptyValue(raw)) return { kind: "empty" };
  if (Array.isArray(raw)) return invalid(`Expected a single value, got a list`);
  if (typeof raw === "object") return invalid(`Expected a single value, got an object`);
  if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
    return invalid(`Unsupported value ${describeValue(raw)}`);
  }

  // Defence in depth: webhook bodies are screened in parseBody, but session form input
  // reaches the database through here too.
  if (typeof raw === "string" && !isStorableText(raw)) return invalid(`The text ${UNSTORABLE_TEXT_MESSAGE}`);

  switch (field.type) {
    case "text":
    case "textarea":
    case "hidden": {
      const text = typeof raw === "string" ? raw : String(raw);
      // Code points, not UTF-16 units: an emoji counts as one character.
      if (field.type !== "hidden" && field.maxLength !== undefined && [...text].length > field.maxLength) {
        return invalid(`Must be at most ${field.maxLength} characters`);
      }
      return value(text);
    }
    case "email": {
      if (typeof raw !== "string") return invalid(`Expected an email address, got ${describeValue(raw)}`);
      const address = raw.trim();
      return ZEmailAddress.safeParse(address).success ? value(address) : invalid(`${describeValue(raw)} is not a valid email address`);
    }
    case "number": {
      let n: number;
      if (typeof raw === "number") n = raw;
      else if (typeof raw === "string" && raw.length <= 100 && NUMERIC.test(raw.trim())) n = Number(raw.trim());
      else return invalid(`Expected a number, got ${describeValue(raw)}`);
      if (!Number.isFinite(n)) return invalid(`Number ${describeValue(raw)} is too large`);
      if (field.min !== undefined && n < field.min) return invalid(`Must be at least ${field.min}`);
      if (field.max !== undefined && n > field.max) return invalid(`Must be at most ${field.max}`);
      return value(n);
    }
    case "date": {
      const date = typeof raw === "string" ? toIsoDate(raw) : null;
      return date === null ? invalid(`Expected a date like 2024-12-31, got ${describeValue(raw)}`) : value(date);
    }
    case "select": {
      const text = String(raw);
      const match = field.options.find((o) => o.value === text) ?? field.options.find((o) => o.value === text.trim());
      if (match) return value(match.value);
      const allowed = field.options.slice(0, 10).map((o) => o.value).join(", ");
      return invalid(`${describeValue(raw)} is not one of the options (${allowed}${field.options.length > 10 ? ", …" : ""})`);
    }
    case "checkbox": {
      if (typeof raw === "boolean") return value(raw);
      const word = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return value(true);
      if (FALSE_WORDS.has(word)) return value(false);
      return invalid(`Expected true or false, got ${describeValue(raw)}`);
    }
  }
}
