import type { TField, TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { coerceFieldValue, type TFieldValue } from "./coerce-field-value";
import { parsePayloadPath, readPayloadPath } from "./payload-path";

export interface MappingIssue {
  from: string;
  to: string;
  message: string;
}

/** A mapped value that was left out: the session starts without it (JSON `{ path, field, message }`). */
export interface MappingWarning {
  path: string;
  field: string;
  message: string;
}

export type ApplyMappingResult =
  | { ok: true; values: Record<string, TFieldValue>; warnings: MappingWarning[] }
  | { ok: false; issues: MappingIssue[] };

export const REQUIRED_MAPPED_FIELD_MISSING = "required mapped field missing";
export const MAPPED_VALUE_MISSING = "No value at this path; the field was left empty.";

/**
 * Prefill values for a new session from a webhook payload. Lenient by default: a path that is
 * absent (or null, or an empty string) or a value that cannot become its field's type leaves
 * the field empty, and the session starts with a warning saying which and why, so a partner's
 * one odd value never costs the participant the whole session. A mapping entry with
 * `required: true` is strict: a missing value (REQUIRED_MAPPED_FIELD_MISSING) or an unusable
 * one refuses the request (422). Every issue is collected so the partner fixes them in one round.
 */
export function applyMapping(definition: TWorkflowDefinition, payload: unknown): ApplyMappingResult {
  const fields = new Map<string, TField>();
  for (const step of definition.steps) for (const field of step.fields) fields.set(field.key, field);
  const values: Record<string, TFieldValue> = {};
  const issues: MappingIssue[] = [];
  const warnings: MappingWarning[] = [];
  for (const { from, to, required } of definition.mapping) {
    const problem = (message: string) => (required ? issues.push({ from, to, message }) : warnings.push({ path: from, field: to, message }));
    const field = fields.get(to);
    if (!field) {
      problem(`No field with key "${to}"`);
      continue;
    }
    const path = parsePayloadPath(from);
    if (!path.ok) {
      problem(path.message);
      continue;
    }
    const read = readPayloadPath(payload, path.segments);
    const coerced = coerceFieldValue(field, read.found ? read.value : undefined);
    if (coerced.kind === "value") values[to] = coerced.value;
    else if (coerced.kind === "invalid") problem(required ? coerced.message : `${coerced.message}; the field was left empty.`);
    else problem(required ? REQUIRED_MAPPED_FIELD_MISSING : MAPPED_VALUE_MISSING);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values, warnings };
}
