import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { lockedField } from "@/lib/workflows/definition/schemas";
import { completionRedirectUrl } from "./completion-redirect";
import { getParticipantSession, type SessionData } from "./get-participant-session";
import { announceMessages } from "@/lib/outbound-webhooks/announce-messages";
import type { SessionEvent } from "@/lib/outbound-webhooks/message-repository";
import { lostSaveConflict } from "./lost-save-conflict";
import { saveSessionProgress } from "./session-repository";
import { validateStepValues } from "./validate-step";

export type SubmitStepResult =
  | { ok: true; completed: boolean; nextStep: number; /** Where to send the participant, once completed (definition.completion.redirectUrl). */ redirectUrl: string | null }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Validates one step on the server and saves it; the last step completes the session.
 * Invalid input saves nothing and returns a message per field. A completed session can't
 * be reopened, and a step other than the current one (an old tab) is refused.
 */
export async function submitSessionStep(
  db: PrismaClient,
  token: string,
  stepIndex: number,
  values: Record<string, unknown>,
): Promise<SubmitStepResult> {
  const session = await getParticipantSession(db, token);
  if (session.status === "completed") {
    throw new AppError("CONFLICT", "This form was already submitted.", { reason: "session_completed" });
  }
  if (stepIndex !== session.currentStep) {
    throw new AppError("CONFLICT", "This step was already saved in another window. Reload to continue.", { reason: "stale_step" });
  }
  const step = session.steps[stepIndex]!;
  const result = validateStepValues(step, values);
  if (!result.ok) return result;

  const data: SessionData = { ...session.data };
  // A value the participant cleared must not survive from the prefill; hidden and read-only
  // fields keep theirs.
  for (const field of step.fields) if (!lockedField(field)) delete data[field.key];
  Object.assign(data, result.values);
  const nextStep = stepIndex + 1;
  const completed = nextStep >= session.steps.length;
  const events: SessionEvent[] = [{ type: "session.step_completed", step: { index: stepIndex, id: step.id } }];
  if (completed) events.push({ type: "session.completed" });
  const { saved, messageIds } = await saveSessionProgress(db, session.id, { data, currentStep: completed ? stepIndex : nextStep, complete: completed, from: stepIndex }, events);
  if (!saved) throw await lostSaveConflict(db, token);
  announceMessages(messageIds);
  return { ok: true, completed, nextStep, redirectUrl: completed ? completionRedirectUrl(session.definition, data) : null };
}
