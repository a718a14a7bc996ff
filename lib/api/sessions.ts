import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { getWorkflowSession, listWorkflowSessions } from "@/lib/sessions/list-workflow-sessions";
import { toPage, type TPageQuery } from "./pagination";

type SessionRow = Awaited<ReturnType<typeof getWorkflowSession>>;

// The session token (the participant's capability) is never part of the API's answer.
function toSessionResource(row: SessionRow) {
  return {
    id: row.id,
    workflowId: row.workflowId,
    status: row.status,
    test: row.test,
    source: row.source,
    data: row.data,
    prefilled: row.prefilled,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

export async function listWorkflowSessionsPage(
  db: PrismaClient,
  actor: TokenActor,
  workflowId: string,
  page: TPageQuery,
  filter: { test?: boolean },
) {
  const rows = await listWorkflowSessions(db, actor, workflowId, { ...filter, take: page.limit + 1, cursor: page.cursor });
  return toPage(rows, page.limit, toSessionResource);
}

export async function getSessionResource(db: PrismaClient, actor: TokenActor, sessionId: string) {
  return toSessionResource(await getWorkflowSession(db, actor, sessionId));
}
