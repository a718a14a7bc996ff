import type { FieldColumn } from "@/lib/sessions/session-columns";

// The columns of a sessions export: five fixed ones, one per field in form order (the same
// columns as the builder's sessions table, lib/sessions/session-columns.ts), then the keys
// that were prefilled.

export const FIXED_COLUMNS = ["sessionId", "status", "test", "createdAt", "completedAt"] as const;
export const PREFILLED_COLUMN = "prefilled";

/** Header cells for the fields: labels (a repeated label gets its key added), or keys. */
export function fieldHeaders(columns: FieldColumn[], header: "labels" | "keys"): string[] {
  if (header === "keys") return columns.map((c) => c.key);
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.label, (counts.get(c.label) ?? 0) + 1);
  return columns.map((c) => (counts.get(c.label)! > 1 ? `${c.label} (${c.key})` : c.label));
}
