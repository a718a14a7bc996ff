import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { THmacScheme } from "@/lib/hmac/schemas";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { findWorkflowDetail } from "@/lib/workflows/workflow-repository";

/**
 * The schemes a workflow's secrets must serve: the draft's (test requests verify with it, and
 * it goes live on Publish) and, while HMAC is on there, the live version's. Secrets belong to
 * the workflow, not to a version, so a new one must fit both.
 */
export async function schemesInUse(db: PrismaClient | Prisma.TransactionClient, workflowId: string): Promise<THmacScheme[]> {
  const workflow = await findWorkflowDetail(db, workflowId);
  if (!workflow) return [];
  const schemes = new Set<THmacScheme>([storedDefinition(workflow.draft).trigger.hmac.scheme]);
  const live = workflow.liveVersion ? storedDefinition(workflow.liveVersion.definition).trigger.hmac : null;
  if (live?.enabled) schemes.add(live.scheme);
  return [...schemes];
}
