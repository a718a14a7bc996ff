import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sessionEmbeddingOrigins } from "@/lib/embedding/session-frame-policy";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import type { TFormStep } from "@/lib/workflows/definition/schemas";
import { completionRedirectUrl } from "./completion-redirect";
import { getParticipantSession, type ParticipantSession, type SessionData } from "./get-participant-session";
import { goBackSessionStep } from "./go-back-session-step";
import { INTENT_INPUT, STEP_INPUT } from "./session-form-names";
import { submitSessionStep } from "./submit-session-step";

// The participant's page /s/{token}. It works as plain HTML forms (no JavaScript needed): a
// GET shows the current step, a POST saves it (or goes Back) and answers 303 to the GET
// (post/redirect/get), or shows the step again with a message per field.


export type SessionIntent = "next" | "back";

/** Everything the session page renders; plain JSON (no Dates, no undefined). */
export interface SessionPageView {
  sessionId: string;
  workflowName: string;
  test: boolean;
  status: "open" | "completed";
  completedAt: string | null;
  stepIndex: number;
  /** Titles for the progress indicator, in order. */
  steps: { id: string; title: string }[];
  step: TFormStep;
  /** What each input shows: the saved answer or prefill, or what was just typed. */
  values: SessionData;
  /** After a failed submit, the raw values typed (an unticked checkbox is absent). */
  submitted: boolean;
  fieldErrors: Record<string, string>;
  message: { tone: "error" | "info"; text: string } | null;
  /** Once completed: where the participant goes next (definition.completion.redirectUrl, filled in). */
  redirectUrl: string | null;
  /** The origins that may embed this page: where an embedded page posts its portal events. */
  embeddingOrigins: string[];
}

export type SessionPageResult =
  | { kind: "not_found" }
  /** Back to the page (post/redirect/get); it shows the next step or the completion. */
  | { kind: "redirect" }
  | { kind: "page"; status: number; view: SessionPageView };

function viewOf(session: ParticipantSession, embeddingOrigins: readonly string[], extra: Partial<Pick<SessionPageView, "values" | "submitted" | "fieldErrors" | "message">> = {}): SessionPageView {
  const current = session.steps[session.currentStep]!;
  // Hidden fields never reach the page, nor does any other step's data. A read-only field
  // always shows its stored value, whatever was posted.
  const step = { ...current, fields: current.fields.filter((field) => field.type !== "hidden") };
  const values: SessionData = {};
  for (const field of step.fields) {
    const source = extra.values && field.readOnly !== true ? extra.values : session.prefill;
    if (Object.hasOwn(source, field.key)) values[field.key] = source[field.key]!;
  }
  return {
    sessionId: session.id,
    workflowName: session.workflowName,
    test: session.test,
    status: session.status,
    completedAt: session.completedAt?.toISOString() ?? null,
    stepIndex: session.currentStep,
    steps: session.steps.map((s) => ({ id: s.id, title: s.title })),
    step,
    values,
    submitted: extra.submitted ?? false,
    fieldErrors: extra.fieldErrors ?? {},
    message: extra.message ?? null,
    redirectUrl: session.status === "completed" ? completionRedirectUrl(session.definition, session.data) : null,
    embeddingOrigins: [...embeddingOrigins],
  };
}

async function load(db: PrismaClient, token: string): Promise<ParticipantSession | null> {
  try {
    return await getParticipantSession(db, token);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** GET /s/{token}: the current step, or the completion screen (with a message, after a refused post). */
export async function showSessionPage(
  db: PrismaClient,
  token: string,
  notice: { status: number; message: SessionPageView["message"] } = { status: 200, message: null },
): Promise<SessionPageResult> {
  const session = await load(db, token);
  if (!session) return { kind: "not_found" };
  return { kind: "page", status: notice.status, view: viewOf(session, await sessionEmbeddingOrigins(db, token), { message: notice.message }) };
}

/** Reads the posted form: the intent, the step it was shown for, and the field values. */
export function readSessionForm(form: URLSearchParams): { intent: SessionIntent; stepIndex: number | null; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    // Our own controls start with "$"; keep the first value of a repeated name.
    if (!key.startsWith("$") && !Object.hasOwn(values, key)) values[key] = value;
  }
  const step = form.get(STEP_INPUT);
  return { intent: form.get(INTENT_INPUT) === "back" ? "back" : "next", stepIndex: step !== null && /^\d{1,4}$/.test(step) ? Number(step) : null, values };
}

/** POST /s/{token}: save the step (or go Back) and redirect, or show what to fix. */
export async function postSessionPage(db: PrismaClient, token: string, form: URLSearchParams): Promise<SessionPageResult> {
  const { intent, stepIndex, values } = readSessionForm(form);
  const session = await load(db, token);
  if (!session) return { kind: "not_found" };
  const origins = await sessionEmbeddingOrigins(db, token);
  if (stepIndex === null) {
    // Not our form (or a truncated post): nothing is saved.
    return { kind: "page", status: 400, view: viewOf(session, origins, { message: { tone: "error", text: "That did not come through whole. Please try again." } }) };
  }
  try {
    if (intent === "back") {
      await goBackSessionStep(db, token, stepIndex, values);
      return { kind: "redirect" };
    }
    const result = await submitSessionStep(db, token, stepIndex, values);
    if (result.ok) return { kind: "redirect" };
    const count = Object.keys(result.fieldErrors).length;
    return {
      kind: "page",
      status: 422,
      view: viewOf(session, origins, {
        values,
        submitted: true,
        fieldErrors: result.fieldErrors,
        message: { tone: "error", text: `Please fix ${count === 1 ? "the field" : `the ${count} fields`} marked below.` },
      }),
    };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") {
      // Completed meanwhile, or saved from another window: show where the session is now.
      const now = (await load(db, token)) ?? session;
      const text = error.reason === "stale_step" ? "This step was already saved, perhaps in another window. Here is where you are now." : error.message;
      return { kind: "page", status: 409, view: viewOf(now, origins, { message: { tone: "info", text } }) };
    }
    logger.error("session_step_failed", { error });
    return {
      kind: "page",
      status: isAppError(error) ? error.status : 500,
      view: viewOf(session, origins, { values, submitted: true, message: { tone: "error", text: "Something went wrong on our side. Your answers were not saved; please try again." } }),
    };
  }
}
