import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TField } from "@/lib/workflows/definition/schemas";
import { completionRedirectUrl } from "./completion-redirect";
import { getParticipantSession, type ParticipantSession, type SessionData } from "./get-participant-session";

// The session API's view of a session (GET /api/sessions/{token}, and the answer to each
// step posted): what a custom front-end needs to render the current step, exactly what the
// participant's page would show: visible fields only, prefilled values of this step only.

export interface SessionState {
  status: "open" | "completed";
  /** The current step; null once completed. */
  step: { index: number; id: string; title: string; description?: string; fields: TField[] } | null;
  /** The saved answer or prefill of each field of the current step that has one. */
  values: SessionData;
  /** Once completed, where the participant goes next, when the workflow says. */
  redirectUrl?: string;
}

export function sessionStateOf(session: ParticipantSession): SessionState {
  if (session.status === "completed") {
    const redirectUrl = completionRedirectUrl(session.definition, session.data);
    return { status: "completed", step: null, values: {}, ...(redirectUrl ? { redirectUrl } : {}) };
  }
  const step = session.steps[session.currentStep]!;
  const fields = step.fields.filter((field) => field.type !== "hidden");
  const values: SessionData = {};
  for (const field of fields) if (Object.hasOwn(session.prefill, field.key)) values[field.key] = session.prefill[field.key]!;
  return {
    status: "open",
    step: { index: session.currentStep, id: step.id, title: step.title, ...(step.description ? { description: step.description } : {}), fields },
    values,
  };
}

/** GET /api/sessions/{token}: the session's status and current step (404 for an unknown token). */
export async function readSessionState(db: PrismaClient, token: string): Promise<SessionState> {
  return sessionStateOf(await getParticipantSession(db, token));
}
