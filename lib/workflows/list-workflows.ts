import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { listWorkflows } from "./workflow-repository";

/** A workspace's workflows, newest first, for anyone who may view the workspace. */
export async function listWorkspaceWorkflows(
  db: PrismaClient,
  actor: Actor | null,
  workspaceId: string,
  opts: { search?: string; take?: number; cursor?: string } = {},
) {
  await authorizeWorkspace(db, actor, workspaceId, "view");
  return listWorkflows(db, workspaceId, opts);
}
