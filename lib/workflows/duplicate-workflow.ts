import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeWorkflow } from "./authorize-workflow";
import { createWorkflow } from "./create-workflow";
import { findWorkflowDetail } from "./workflow-repository";

/** A new draft-only workflow with a copy of the draft; secrets and history stay behind. */
export async function duplicateWorkflow(db: PrismaClient, actor: Actor | null, workflowId: string) {
  const access = await authorizeWorkflow(db, actor, workflowId, "edit");
  const source = (await findWorkflowDetail(db, workflowId))!;
  return createWorkflow(db, actor, access.workspace.id, { name: `${source.name} (copy)`.slice(0, 120), definition: source.draft });
}
