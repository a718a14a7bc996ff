import type { TField, TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { coerceFieldValue, type TFieldValue } from "./coerce-field-value";
import { parsePayloadPath, readPayloadPath } from "./payload-path";

export interface MappingIssue {
  from: string;
  to: string;
  message: string;
}

export type ApplyMappingResult =
  | { ok: true; values: Record<string, TFieldValue> }
  | { ok: false; issues: MappingIssue[] };

export const REQUIRED_MAPPED_FIELD_MISSING = "required mapped field missing";

/**
 * Prefill values for a new session from a webhook payload. A path that is absent (or null,
 * or an empty string) leaves its field empty, unless the field is required: then the
 * request is refused (422) rather than creating a session nobody can prefill correctly.
 * A value that cannot become the field's type is always refused, with a message saying why.
 * Every issue is collected so the partner fixes them in one round.
 */
export function applyMapping(definition: TWorkflowDefinition, payload: unknown): ApplyMappingResult {
  const fields = new Map<string, TField>();
  for (const step of definition.steps) for (const field of step.fields) fields.set(field.key, field);

  const values: Record<string, TFieldValue> = {};
  const issues: MappingIssue[] = [];
  for (const { from, to } of definition.mapping) {
    const field = fields.get(to);
    if (!field) {
      issues.push({ from, to, message: `No field with key "${to}"` });
      continue;
    }
    const path = parsePayloadPath(from);
    if (!path.ok) {
      issues.push({ from, to, message: path.message });
      continue;
    }
    const read = readPayloadPath(payload, path.segments);
    const coerced = coerceFieldValue(field, read.found ? read.value : undefined);
    if (coerced.kind === "value") {
      values[to] = coerced.value;
    } else if (coerced.kind === "invalid") {
      issues.push({ from, to, message: coerced.message });
    } else if (field.required) {
      issues.push({ from, to, message: REQUIRED_MAPPED_FIELD_MISSING });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values };
}
