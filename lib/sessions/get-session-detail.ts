import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { findVersionDefinitions } from "@/lib/workflows/workflow-repository";
import { getWorkflowSession } from "./list-workflow-sessions";
import { answersOf, type SessionAnswer } from "./sessions-table";

/**
 * One session for the builder: its status and times, and every answer by step and field of
 * the version it ran, labelled, with where each came from. Data under keys the form no longer
 * has (none, normally) is listed apart rather than dropped. A session of another workflow is
 * not found here, like one of another workspace.
 */
export async function getSessionDetail(db: PrismaClient, actor: Actor | null, workflowId: string, sessionId: string) {
  const row = await getWorkflowSession(db, actor, sessionId);
  if (row.workflowId !== workflowId) throw new AppError("NOT_FOUND", "Session not found.", { reason: "not_found" });
  const [version] = await findVersionDefinitions(db, workflowId, [row.versionId]);
  if (!version) throw new AppError("NOT_FOUND", "Session not found.", { reason: "not_found" });
  const definition = storedDefinition(version.definition);
  const answers = answersOf(row.data, row.prefilled);
  const known = new Set<string>();
  const steps = definition.steps.map((step, index) => ({
    id: step.id,
    title: step.title,
    /** Saved (the participant has continued past it), or not reached yet. */
    reached: row.status === "completed" || index < row.currentStep,
    fields: step.fields.map((field) => {
      known.add(field.key);
      return { key: field.key, label: field.label, type: field.type, readOnly: field.readOnly === true, answer: answers[field.key] ?? null };
    }),
  }));
  return {
    id: row.id,
    status: row.status,
    test: row.test,
    source: row.source,
    version: { number: version.version, test: version.test },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    currentStep: row.status === "open" ? { index: row.currentStep, title: definition.steps[row.currentStep]?.title ?? "" } : null,
    stepCount: definition.steps.length,
    steps,
    other: Object.entries(answers)
      .filter(([key]) => !known.has(key))
      .map(([key, answer]): { key: string; answer: SessionAnswer } => ({ key, answer })),
  };
}

export type SessionDetail = Awaited<ReturnType<typeof getSessionDetail>>;
