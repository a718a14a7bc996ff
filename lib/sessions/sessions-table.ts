import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import type { TFieldValue } from "@/lib/workflows/mapping/coerce-field-value";
import { findVersionDefinitions } from "@/lib/workflows/workflow-repository";
import { listWorkflowSessions } from "./list-workflow-sessions";
import { fieldColumns, type FieldColumn } from "./session-columns";

// The builder's sessions table: one row per session (newest first), one column per field in
// form order, each answer marked prefilled (from the starting payload) or typed.

export interface SessionAnswer {
  value: TFieldValue;
  /** Came with the starting payload (Session.prefilled); otherwise the participant typed it. */
  prefilled: boolean;
}

export interface SessionsTableRow {
  id: string;
  status: "open" | "completed";
  source: string;
  createdAt: Date;
  completedAt: Date | null;
  answers: Record<string, SessionAnswer>;
}

/** The answers a session holds, by field key, each with where it came from. */
export function answersOf(data: unknown, prefilled: string[]): Record<string, SessionAnswer> {
  const answers: Record<string, SessionAnswer> = {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) return answers;
  const fromPayload = new Set(prefilled);
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") answers[key] = { value, prefilled: fromPayload.has(key) };
  }
  return answers;
}

export async function getSessionsTable(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  query: { test: boolean; take?: number },
): Promise<{ columns: FieldColumn[]; rows: SessionsTableRow[]; more: boolean }> {
  const take = query.take ?? 50;
  const sessions = await listWorkflowSessions(db, actor, workflowId, { test: query.test, take: take + 1 });
  const shown = sessions.slice(0, take);
  const versions = await findVersionDefinitions(db, workflowId, [...new Set(shown.map((s) => s.versionId))]);
  return {
    columns: fieldColumns(versions.map((v) => storedDefinition(v.definition))),
    rows: shown.map((s) => ({
      id: s.id,
      status: s.status,
      source: s.source,
      createdAt: s.createdAt,
      completedAt: s.completedAt,
      answers: answersOf(s.data, s.prefilled),
    })),
    more: sessions.length > take,
  };
}
