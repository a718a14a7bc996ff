import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import type { TWorkflowDefinition } from "@/lib/workflows/definition";

// Published versions never change, so a version's parsed definition can be kept for the life
// of the process: the webhook path then validates the stored JSON once per version instead of
// once per request. Bounded; the oldest entry goes first.

const MAX_ENTRIES = 1_000;
const parsed = new Map<string, TWorkflowDefinition>();

export function liveDefinition(version: { id: string; definition: unknown }): TWorkflowDefinition {
  const hit = parsed.get(version.id);
  if (hit) return hit;
  const definition = storedDefinition(version.definition);
  if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value!);
  parsed.set(version.id, definition);
  return definition;
}
