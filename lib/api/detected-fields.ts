import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { listDetectedFields } from "@/lib/field-detection/detected-field-repository";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";

/** Fields seen in test payloads (paths, types, examples); one per path, so never paged. */
export async function listDetectedFieldsResource(db: PrismaClient, actor: TokenActor, workflowId: string) {
  await authorizeWorkflow(db, actor, workflowId, "view");
  const fields = await listDetectedFields(db, workflowId);
  return { data: fields };
}
