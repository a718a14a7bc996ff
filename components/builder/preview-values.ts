import { applyMapping, type TFieldValue } from "@/lib/workflows/mapping";
import type { TWorkflowDefinition } from "@/lib/workflows/definition/schemas";

/**
 * The preview's sample values: the payload through the draft's mapping, as a test request
 * would prefill a session. Every entry is read leniently here (a strict entry whose value is
 * missing would refuse the request; the preview just leaves that field empty).
 */
export function previewValues(definition: TWorkflowDefinition, payload: unknown): Record<string, TFieldValue> {
  if (payload === null || payload === undefined) return {};
  const lenient = { ...definition, mapping: definition.mapping.map((entry) => ({ ...entry, required: false })) };
  const result = applyMapping(lenient, payload);
  return result.ok ? result.values : {};
}
