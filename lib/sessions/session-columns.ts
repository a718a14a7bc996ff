import type { TWorkflowDefinition } from "@/lib/workflows/definition";

// The answer columns of a list of sessions: one per field, in form order (step by step, field
// by field), labelled as the builder labelled them. Sessions may run different versions: the
// first definition given (the newest) sets the order, and fields only older ones have follow,
// so no stored answer is left without a column.

export interface FieldColumn {
  key: string;
  label: string;
  /** A hidden field: stored with the answers, never shown to the participant. */
  hidden: boolean;
}

export function fieldColumns(definitions: TWorkflowDefinition[]): FieldColumn[] {
  const seen = new Set<string>();
  const columns: FieldColumn[] = [];
  for (const definition of definitions) {
    for (const step of definition.steps) {
      for (const field of step.fields) {
        if (seen.has(field.key)) continue;
        seen.add(field.key);
        columns.push({ key: field.key, label: field.label, hidden: field.type === "hidden" });
      }
    }
  }
  return columns;
}
