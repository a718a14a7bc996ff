import { parseTemplate } from "./schemes/custom";
import type { THmacSettings } from "./schemas";

// Rules a builder's HMAC settings must meet to be saved or published, beyond their shape
// (schemas.ts). They are not part of the read schema on purpose: settings stored before a
// rule existed must still load, so the builder can open and fix them, and the verifier has
// its own guard for each (an ambiguous custom template refuses requests; see custom.ts).

export interface SettingsIssue {
  /** Relative to the HMAC settings object. */
  path: (string | number)[];
  message: string;
}

/** Visible ASCII and the space: what may go into a header value we parse or send. */
const HEADER_VALUE_TEXT = /^[\x20-\x7e]*$/;
/** Control characters (C0 but tab and line feed, DEL, C1) have no place in signed text. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Issues of a custom scheme's signed-content template; empty when it can be saved. */
export function signedContentIssues(template: string): string[] {
  const issues: string[] = [];
  if (CONTROL.test(template) || !template.isWellFormed()) issues.push("The signed content may not contain control characters (tab and line feed are allowed)");
  const segments = parseTemplate(template);
  const counts = { body: 0, timestamp: 0, id: 0 };
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    if (typeof segment === "string") {
      // Timestamps are digits and generated ids letters, digits and _: a separator with
      // some other character can never occur inside them, so it always ends them.
      const before = segments[i - 1];
      const between = before !== undefined && typeof before !== "string" && next !== undefined && typeof next !== "string";
      if (between && /^[A-Za-z0-9_]+$/.test(segment)) {
        issues.push(`The separator between {${before.field}} and {${next.field}} must contain punctuation or a space, not only letters, digits and _`);
      }
      return;
    }
    counts[segment.field]++;
    if (next !== undefined && typeof next !== "string") {
      issues.push(`Put a separator between {${segment.field}} and {${next.field}}: without one, characters can move from one value to the other and the signature still matches`);
    }
  });
  for (const field of ["body", "timestamp", "id"] as const) {
    if (counts[field] > 1) issues.push(`Use {${field}} only once in the signed content`);
  }
  return [...new Set(issues)];
}

/** Issues that stop these settings from being saved; paths are relative to the settings. */
export function hmacSettingsIssues(settings: THmacSettings): SettingsIssue[] {
  if (settings.scheme !== "custom") return [];
  const { prefix, separator, signedContent } = settings.custom;
  const issues: SettingsIssue[] = signedContentIssues(signedContent).map((message) => ({ path: ["custom", "signedContent"], message }));
  if (!HEADER_VALUE_TEXT.test(prefix)) {
    issues.push({ path: ["custom", "prefix"], message: "The prefix is part of a header value: use visible ASCII characters only (no line breaks or control characters)" });
  }
  if (!HEADER_VALUE_TEXT.test(separator)) {
    issues.push({ path: ["custom", "separator"], message: "The separator is part of a header value: use visible ASCII characters or spaces only" });
  }
  return issues;
}
