import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { listDetectedFields } from "./detected-field-repository";

/** Fields seen in a workflow's test payloads (path, type, example), for anyone who may view it. */
export async function listWorkflowDetectedFields(db: PrismaClient, actor: Actor | null, workflowId: string) {
  await authorizeWorkflow(db, actor, workflowId, "view");
  return listDetectedFields(db, workflowId);
}
