import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { listWorkflowDetectedFields } from "@/lib/field-detection/list-detected-fields";

/** Fields seen in test payloads (paths, types, examples); one per path, so never paged. */
export async function listDetectedFieldsResource(db: PrismaClient, actor: TokenActor, workflowId: string) {
  return { data: await listWorkflowDetectedFields(db, actor, workflowId) };
}
