import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { addEndpointSecret } from "./endpoint-secret";
import { insertEndpoint } from "./endpoint-repository";
import { endpointView, type EndpointView } from "./endpoint-view";
import { ZCreateEndpoint } from "./schemas";

/** Adds a completion-webhook endpoint to a workflow with a new whsec_ secret, returned here only. */
export async function createEndpoint(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  input: unknown,
  opts: { keys?: AppKey[] } = {},
): Promise<{ endpoint: EndpointView; secret: string }> {
  const access = await authorizeWorkflow(db, actor, workflowId, "edit");
  const data = ZCreateEndpoint.parse(input ?? {});
  const keys = opts.keys ?? getConfig().appKeys;
  return db.$transaction(async (tx) => {
    const row = await insertEndpoint(tx, { workflowId, url: data.url, description: data.description || null, events: [...new Set(data.events)], enabled: data.enabled });
    const { secret, ...summary } = await addEndpointSecret(tx, row.id, keys);
    await recordAuditEvent(tx, {
      workspaceId: access.workspace.id,
      actorUserId: actor!.userId,
      action: "endpoint.created",
      targetType: "endpoint",
      targetId: row.id,
      data: { workflowId, url: row.url, events: row.events, last4: summary.last4 },
    });
    return { endpoint: endpointView({ ...row, secrets: [summary] }), secret };
  });
}
