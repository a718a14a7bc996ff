import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authorizeWorkspace, type Actor, type Permission } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { findWorkflowWorkspace } from "./workflow-repository";

/** Access to one workflow through its workspace; unknown and foreign ids are the same 404. */
export async function authorizeWorkflow(db: PrismaClient, actor: Actor | null, workflowId: string, permission: Permission) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.", { reason: "unauthenticated" });
  const workflow = await findWorkflowWorkspace(db, workflowId);
  if (!workflow) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  try {
    return { workflowId, ...(await authorizeWorkspace(db, actor, workflow.workspaceId, permission)) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
    }
    throw error;
  }
}
