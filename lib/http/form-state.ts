import { ZodError } from "zod";
import { isAppError } from "@/lib/errors/app-error";
import { zodIssues } from "@/lib/errors/zod-issues";
import { logger } from "@/lib/log/logger";

/** What a server action returns to its form: a message, errors per field, or success data. */
export interface FormState<T = undefined> {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  data?: T;
  /** What the user typed (never passwords), so a failed submit loses nothing. */
  values?: Record<string, string>;
}

/**
 * Turns a failure into form state: AppError and zod messages are for users; anything else is
 * logged and shown as a generic message.
 */
export function formStateFromError(error: unknown): FormState<never> {
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of zodIssues(error)) {
      const key = issue.path.join(".") || "_form";
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors, message: "Please fix the highlighted fields." };
  }
  if (isAppError(error)) {
    const fieldErrors = error.issues ? Object.fromEntries(error.issues.map((i) => [i.path.join("."), i.message])) : undefined;
    return { ok: false, message: error.message, fieldErrors };
  }
  logger.error("action_failed", { error });
  return { ok: false, message: "Something went wrong on our side. Please try again." };
}
