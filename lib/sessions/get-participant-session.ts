import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import type { TFieldValue } from "@/lib/workflows/mapping/coerce-field-value";
import { findSessionByToken } from "./session-repository";

export type SessionData = Record<string, TFieldValue>;

function asSessionData(json: unknown): SessionData {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  const data: SessionData = {};
  for (const [key, value] of Object.entries(json)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") data[key] = value;
  }
  return data;
}

/**
 * A session as its participant sees it, found by its capability token. The form is the
 * version the session was started on, not whatever is live now, so publishing never changes
 * a form under someone's hands. Unknown tokens are 404.
 */
export async function getParticipantSession(db: PrismaClient, token: string) {
  const session = await findSessionByToken(db, token);
  if (!session) throw new AppError("NOT_FOUND", "Session not found.", { reason: "not_found" });
  const definition = storedDefinition(session.version.definition);
  const stepCount = definition.steps.length;
  const data = asSessionData(session.data);
  // Hidden fields are stored with the answers but never sent to the participant's browser.
  const hidden = new Set(definition.steps.flatMap((step) => step.fields.filter((field) => field.type === "hidden").map((field) => field.key)));
  return {
    id: session.id,
    workflowName: session.workflow.name,
    status: session.status,
    test: session.test,
    data,
    /** What the participant's page may show: the data without hidden fields. */
    prefill: Object.fromEntries(Object.entries(data).filter(([key]) => !hidden.has(key))) as SessionData,
    currentStep: Math.min(Math.max(session.currentStep, 0), stepCount - 1),
    steps: definition.steps,
    definition,
    completedAt: session.completedAt,
  };
}

export type ParticipantSession = Awaited<ReturnType<typeof getParticipantSession>>;
