import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { listEndpointRows } from "./endpoint-repository";
import { endpointView, type EndpointView } from "./endpoint-view";

export async function listEndpoints(db: PrismaClient, actor: Actor | null, workflowId: string): Promise<EndpointView[]> {
  await authorizeWorkflow(db, actor, workflowId, "view");
  return (await listEndpointRows(db, workflowId, new Date())).map(endpointView);
}
