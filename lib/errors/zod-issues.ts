import type { ZodError } from "zod";
import type { FieldIssue } from "./app-error";

/** zod issues as plain `{ path, message }` pairs, path by path, for 422 bodies and forms. */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== "symbol"),
    message: issue.message,
  }));
}
