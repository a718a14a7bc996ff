import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { getParticipantSession } from "./get-participant-session";
import { readSessionState, type SessionState } from "./read-session-state";
import { ZSessionAnswers } from "./schemas";
import { submitSessionStep } from "./submit-session-step";

/**
 * POST /api/sessions/{token}/steps/{stepId}: answers one step for a custom front-end, through
 * the page's own operation (submitSessionStep: the same validation, the same save, so the
 * same events). Answers the next step, or the completion with its redirect URL; invalid
 * answers are a 422 with one issue per field (path ["answers", key]) and save nothing.
 */
export async function answerSessionStep(db: PrismaClient, token: string, stepId: string, body: unknown): Promise<SessionState> {
  const { answers } = ZSessionAnswers.parse(body);
  const session = await getParticipantSession(db, token);
  if (session.status === "completed") {
    throw new AppError("CONFLICT", "This session is already completed; it takes no more answers.", { reason: "session_completed" });
  }
  const index = session.steps.findIndex((step) => step.id === stepId);
  if (index === -1) throw new AppError("NOT_FOUND", `This session's form has no step "${stepId}".`, { reason: "step_not_found" });
  if (index !== session.currentStep) {
    const current = session.steps[session.currentStep]!.id;
    throw new AppError("CONFLICT", `Step "${stepId}" is not the current step; answer step "${current}".`, { reason: "stale_step" });
  }
  const result = await submitSessionStep(db, token, index, answers);
  if (!result.ok) {
    throw new AppError("VALIDATION_FAILED", "Some answers need fixing; nothing was saved.", {
      reason: "invalid_answers",
      issues: Object.entries(result.fieldErrors).map(([key, message]) => ({ path: ["answers", key], message })),
    });
  }
  if (result.completed) return { status: "completed", step: null, values: {}, ...(result.redirectUrl ? { redirectUrl: result.redirectUrl } : {}) };
  return readSessionState(db, token);
}
