import { AppError } from "@/lib/errors/app-error";
import { parseDefinition, type TWorkflowDefinition } from "./definition";

/** Parses an untrusted definition or throws a 422 AppError carrying the issues path by path. */
export function definitionOrThrow(input: unknown, pathPrefix: (string | number)[] = ["definition"]): TWorkflowDefinition {
  const parsed = parseDefinition(input);
  if (parsed.ok) return parsed.definition;
  throw new AppError("VALIDATION_FAILED", "The workflow definition is invalid.", {
    reason: "invalid_definition",
    issues: parsed.issues.map((issue) => ({ ...issue, path: [...pathPrefix, ...issue.path] })),
  });
}

/** Stored JSON was validated on write; parsing again fills defaults added since. */
export function storedDefinition(json: unknown): TWorkflowDefinition {
  const parsed = parseDefinition(json);
  if (!parsed.ok) throw new AppError("INTERNAL_ERROR", "A stored workflow definition no longer validates.", { reason: "corrupt_definition" });
  return parsed.definition;
}
