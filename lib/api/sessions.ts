import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { AppError } from "@/lib/errors/app-error";
import { findSessionById, listSessions } from "@/lib/sessions/session-repository";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { toPage, type TPageQuery } from "./pagination";

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionById>>>;

// The session token (the participant's capability) is never part of the API's answer.
function toSessionResource(row: SessionRow) {
  return {
    id: row.id,
    workflowId: row.workflowId,
    status: row.status,
    test: row.test,
    source: row.source,
    data: row.data,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

export const ZSessionFilter = z.object({
  test: z.enum(["true", "false"], { error: "test must be true or false" }).optional(),
});

export function parseSessionFilter(url: URL): { test?: boolean } {
  const { test } = ZSessionFilter.parse({ test: url.searchParams.get("test") ?? undefined });
  return test === undefined ? {} : { test: test === "true" };
}

export async function listWorkflowSessionsPage(
  db: PrismaClient,
  actor: TokenActor,
  workflowId: string,
  page: TPageQuery,
  filter: { test?: boolean },
) {
  await authorizeWorkflow(db, actor, workflowId, "view");
  const rows = await listSessions(db, workflowId, { ...filter, take: page.limit + 1, cursor: page.cursor });
  return toPage(rows, page.limit, toSessionResource);
}

export async function getSessionResource(db: PrismaClient, actor: TokenActor, sessionId: string) {
  const row = await findSessionById(db, sessionId);
  if (!row) throw new AppError("NOT_FOUND", "Session not found.", { reason: "not_found" });
  try {
    await authorizeWorkflow(db, actor, row.workflowId, "view");
  } catch (error) {
    // Another workspace's session must look exactly like a missing one.
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw new AppError("NOT_FOUND", "Session not found.", { reason: "not_found" });
    }
    throw error;
  }
  return toSessionResource(row);
}
