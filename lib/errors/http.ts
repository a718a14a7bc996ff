import { ZodError } from "zod";
import { AppError, ERROR_STATUS } from "./app-error";
import { zodIssues } from "./zod-issues";
import { logger } from "@/lib/log/logger";

export interface ErrorBody {
  error: string;
  code: string;
  issues?: { path: (string | number)[]; message: string }[];
}

/** The answer to every unexpected failure (API, webhooks): the detail goes only to the log. */
export const INTERNAL_ERROR_BODY = { error: "Internal server error", code: "internal_error" } as const satisfies ErrorBody;

/**
 * Maps any thrown value to a status and a JSON body. Unknown errors become a generic 500;
 * their detail goes only to the log, never to the client.
 */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: error.message, code: error.reason ?? error.code.toLowerCase() };
    if (error.issues) body.issues = error.issues;
    return { status: error.status, body, headers: error.headers ?? {} };
  }
  if (error instanceof ZodError) {
    return {
      status: ERROR_STATUS.VALIDATION_FAILED,
      body: { error: "Validation failed", code: "validation_failed", issues: zodIssues(error) },
      headers: {},
    };
  }
  logger.error("unhandled_error", { error });
  return { status: ERROR_STATUS.INTERNAL_ERROR, body: INTERNAL_ERROR_BODY, headers: {} };
}

export function errorResponse(error: unknown): Response {
  const { status, body, headers } = toErrorResponse(error);
  return Response.json(body, { status, headers });
}
