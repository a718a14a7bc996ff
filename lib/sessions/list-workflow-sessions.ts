import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { findSessionById, listSessions } from "./session-repository";

/** A workflow's sessions, newest first, for anyone who may view it; `test` picks test or live ones. */
export async function listWorkflowSessions(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  query: { test?: boolean; take?: number; cursor?: string } = {},
) {
  await authorizeWorkflow(db, actor, workflowId, "view");
  return listSessions(db, workflowId, query);
}

/** One session, for anyone who may view its workflow; another workspace's looks missing. */
export async function getWorkflowSession(db: PrismaClient, actor: Actor | null, sessionId: string) {
  const row = await findSessionById(db, sessionId);
  if (!row) throw new AppError("NOT_FOUND", "Session not found.", { reason: "not_found" });
  try {
    await authorizeWorkflow(db, actor, row.workflowId, "view");
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw new AppError("NOT_FOUND", "Session not found.", { reason: "not_found" });
    }
    throw error;
  }
  return row;
}
