import { AppError } from "@/lib/errors/app-error";
import { parseDefinition, type TWorkflowDefinition } from "./definition";
import { definitionSaveIssues } from "./definition/save-rules";

/**
 * Parses an untrusted definition about to be saved, or throws a 422 AppError carrying the
 * issues path by path: its schema and the save rules (definition/save-rules.ts).
 */
export function definitionOrThrow(input: unknown, pathPrefix: (string | number)[] = ["definition"]): TWorkflowDefinition {
  const parsed = parseDefinition(input);
  const issues = parsed.ok ? definitionSaveIssues(parsed.definition) : parsed.issues;
  if (parsed.ok && issues.length === 0) return parsed.definition;
  throw new AppError("VALIDATION_FAILED", "The workflow definition is invalid.", {
    reason: "invalid_definition",
    issues: issues.map((issue) => ({ ...issue, path: [...pathPrefix, ...issue.path] })),
  });
}

/** Stored JSON was validated on write; parsing again fills defaults added since. */
export function storedDefinition(json: unknown): TWorkflowDefinition {
  const parsed = parseDefinition(json);
  if (!parsed.ok) throw new AppError("INTERNAL_ERROR", "A stored workflow definition no longer validates.", { reason: "corrupt_definition" });
  return parsed.definition;
}
