import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { getParticipantSession, type SessionData } from "./get-participant-session";
import { lostSaveConflict } from "./lost-save-conflict";
import { saveSessionProgress } from "./session-repository";
import { draftStepValues } from "./validate-step";

/**
 * Back: the participant returns to the previous step. What they typed on the step they leave
 * is kept (valid values only, see draftStepValues), so coming forward again loses nothing;
 * the earlier steps' answers are already saved and show as they left them. The same rules as
 * a submit apply: a completed session can't be reopened and an old tab's step is refused.
 */
export async function goBackSessionStep(db: PrismaClient, token: string, stepIndex: number, values: Record<string, unknown>): Promise<{ step: number }> {
  const session = await getParticipantSession(db, token);
  if (session.status === "completed") {
    throw new AppError("CONFLICT", "This form was already submitted.", { reason: "session_completed" });
  }
  if (stepIndex !== session.currentStep) {
    throw new AppError("CONFLICT", "This step was already saved in another window. Reload to continue.", { reason: "stale_step" });
  }
  if (stepIndex === 0) return { step: 0 };
  const draft = draftStepValues(session.steps[stepIndex]!, values);
  const data: SessionData = { ...session.data };
  for (const key of draft.cleared) delete data[key];
  Object.assign(data, draft.values);
  const { saved } = await saveSessionProgress(db, session.id, { data, currentStep: stepIndex - 1, complete: false, from: stepIndex });
  if (!saved) throw await lostSaveConflict(db, token);
  return { step: stepIndex - 1 };
}
