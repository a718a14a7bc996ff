import type { TWorkflowDefinition } from "@/lib/workflows/definition";

// The columns of a sessions export: five fixed ones, then one per field in form order. The
// first definition gives the order; fields that only older versions (or the draft) have are
// appended after it, so no answer a session holds is left out.

export const FIXED_COLUMNS = ["sessionId", "status", "test", "createdAt", "completedAt"] as const;
export const PREFILLED_COLUMN = "prefilled";

export interface FieldColumn {
  key: string;
  label: string;
}

export function fieldColumns(definitions: TWorkflowDefinition[]): FieldColumn[] {
  const seen = new Set<string>();
  const columns: FieldColumn[] = [];
  for (const definition of definitions) {
    for (const step of definition.steps) {
      for (const field of step.fields) {
        if (seen.has(field.key)) continue;
        seen.add(field.key);
        columns.push({ key: field.key, label: field.label });
      }
    }
  }
  return columns;
}

/** Header cells for the fields: labels (a repeated label gets its key added), or keys. */
export function fieldHeaders(columns: FieldColumn[], header: "labels" | "keys"): string[] {
  if (header === "keys") return columns.map((c) => c.key);
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.label, (counts.get(c.label) ?? 0) + 1);
  return columns.map((c) => (counts.get(c.label)! > 1 ? `${c.label} (${c.key})` : c.label));
}
