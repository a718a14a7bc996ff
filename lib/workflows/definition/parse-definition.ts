import type { FieldIssue } from "@/lib/errors/app-error";
import { zodIssues } from "@/lib/errors/zod-issues";
import { ZWorkflowDefinition, type TWorkflowDefinition } from "./schemas";

export type ParseDefinitionResult = { ok: true; definition: TWorkflowDefinition } | { ok: false; issues: FieldIssue[] };

/**
 * Validates an untrusted definition (builder form, API body, stored JSON) and fills in
 * defaults. Issues carry paths like `["steps", 0, "fields", 1, "key"]` so the UI can show
 * each next to its input and the API can return them with 422.
 */
export function parseDefinition(input: unknown): ParseDefinitionResult {
  const result = ZWorkflowDefinition.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return { ok: false, issues: zodIssues(result.error) };
}
