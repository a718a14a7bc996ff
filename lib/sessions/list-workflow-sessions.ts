import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { listSessions } from "./session-repository";

/** The builder's view of a workflow's sessions: live and test kept apart, newest first. */
export async function listWorkflowSessions(db: PrismaClient, actor: Actor | null, workflowId: string, take = 50) {
  await authorizeWorkflow(db, actor, workflowId, "view");
  const [live, test] = await Promise.all([
    listSessions(db, workflowId, { test: false, take }),
    listSessions(db, workflowId, { test: true, take }),
  ]);
  return { live, test };
}
