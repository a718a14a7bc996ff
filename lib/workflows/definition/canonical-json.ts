import type { TWorkflowDefinition } from "./schemas";

/**
 * A stable serialisation: object keys sorted at every level, array order kept, `undefined`
 * members dropped (as JSON does). Two definitions that mean the same give the same string,
 * whatever order their keys were written or stored in (Postgres jsonb reorders keys), which
 * is what "unpublished changes" (draft ≠ live) compares. Pass parsed definitions so defaults
 * are filled in on both sides.
 */
export function canonicalDefinitionJson(definition: TWorkflowDefinition): string {
  return canonicalJson(definition);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    // defineProperty, not assignment: a "__proto__" key stays data instead of a prototype.
    if (member !== undefined) Object.defineProperty(sorted, key, { value: sortKeys(member), enumerable: true, writable: true, configurable: true });
  }
  return sorted;
}

/** True when the two definitions would serialise identically (e.g. draft vs published). */
export function definitionsEqual(a: TWorkflowDefinition, b: TWorkflowDefinition): boolean {
  return canonicalDefinitionJson(a) === canonicalDefinitionJson(b);
}
