import { unstable_rethrow } from "next/navigation";
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

/** What a server action answers: form state, and whether the failure was an edit conflict. */
export type ActionState<T = undefined> = FormState<T> & { conflict?: boolean };

export interface FormActionOptions {
  /** What the user typed, sent back with a failure so a failed submit loses nothing. */
  values?: Record<string, string>;
  /** Field errors are keyed relative to this path (e.g. "definition." for the builder's draft). */
  fieldPrefix?: string;
  /** Shown for an unexpected fault instead of the generic message. */
  unexpectedMessage?: string;
}

/**
 * The body of every server action, as withApi is of every API route: runs `work` and turns
 * any failure into form state. AppError and zod messages are for users; anything else is
 * logged and answered generically. Next's redirect() and notFound() pass through.
 */
export async function formAction<T = undefined>(work: () => Promise<ActionState<T>>, options: FormActionOptions = {}): Promise<ActionState<T>> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    const state: ActionState<T> = formStateFromError(error);
    if (options.fieldPrefix && state.fieldErrors) {
      const prefix = options.fieldPrefix;
      state.fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([path, message]) => [path.startsWith(prefix) ? path.slice(prefix.length) : path, message]));
    }
    if (isAppError(error) && error.code === "CONFLICT") state.conflict = true;
    if (options.unexpectedMessage && !isAppError(error) && !(error instanceof ZodError)) state.message = options.unexpectedMessage;
    if (options.values) state.values = options.values;
    return state;
  }
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
