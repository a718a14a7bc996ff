import { lockedField, type TStep } from "@/lib/workflows/definition/schemas";
import { coerceFieldValue, type TFieldValue } from "@/lib/workflows/mapping/coerce-field-value";

export type ValidateStepResult =
  | { ok: true; values: Record<string, TFieldValue> }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Server-side check of one submitted step, whatever the browser did. Values usually arrive
 * as strings from FormData (an unticked checkbox sends nothing, a ticked one "on"); values
 * for keys the step does not have are dropped. Rules are the mapping's coercion rules, so a
 * prefilled value that was accepted from a webhook is accepted again on submit. Hidden and
 * read-only fields are skipped: their value is the prefill, never what a browser sends.
 */
export function validateStepValues(step: TStep, values: Record<string, unknown>): ValidateStepResult {
  const clean: Record<string, TFieldValue> = {};
  const fieldErrors: Record<string, string> = {};
  for (const field of step.fields) {
    if (lockedField(field)) continue;
    // hasOwn: a key like "toString" must not find Object.prototype's method.
    const raw = Object.hasOwn(values, field.key) ? values[field.key] : undefined;
    const coerced = coerceFieldValue(field, raw);
    if (coerced.kind === "invalid") {
      fieldErrors[field.key] = coerced.message;
    } else if (coerced.kind === "empty") {
      if (field.required) fieldErrors[field.key] = field.type === "checkbox" ? "Please tick this box to continue" : "This field is required";
      else if (field.type === "checkbox") clean[field.key] = false;
    } else if (field.type === "checkbox" && field.required && coerced.value === false) {
      fieldErrors[field.key] = "Please tick this box to continue";
    } else {
      clean[field.key] = coerced.value;
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, values: clean };
}

/**
 * What a participant typed on a step they are leaving with Back: every value that passes its
 * field's rules, and the keys they cleared. Nothing is required here (the step's full check
 * runs when they continue again); a value that does not pass is left out, so stored answers
 * are always valid ones.
 */
export function draftStepValues(step: TStep, values: Record<string, unknown>): { values: Record<string, TFieldValue>; cleared: string[] } {
  const clean: Record<string, TFieldValue> = {};
  const cleared: string[] = [];
  for (const field of step.fields) {
    if (lockedField(field)) continue; // hidden and read-only: the stored value stays
    if (!Object.hasOwn(values, field.key)) {
      // An unticked checkbox sends nothing: that is an answer ("no"), not a missing value.
      if (field.type === "checkbox") clean[field.key] = false;
      continue;
    }
    const coerced = coerceFieldValue(field, values[field.key]);
    if (coerced.kind === "value") clean[field.key] = coerced.value;
    else if (coerced.kind === "empty") cleared.push(field.key);
  }
  return { values: clean, cleared };
}
