import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeEndpoint } from "./endpoint-access";
import { findEndpointRow, updateEndpointRow } from "./endpoint-repository";
import { endpointView, type EndpointView } from "./endpoint-view";
import { ZUpdateEndpoint } from "./schemas";

/**
 * Changes an endpoint's URL, description, events or enabled flag. Enabling clears the reason
 * it was disabled and its failure streak (messages waiting for it are then sent); disabling by
 * hand records "manual".
 */
export async function updateEndpoint(db: PrismaClient, actor: Actor | null, endpointId: string, input: unknown): Promise<EndpointView> {
  const access = await authorizeEndpoint(db, actor, endpointId, "edit");
  const data = ZUpdateEndpoint.parse(input ?? {});
  const now = new Date();
  return db.$transaction(async (tx) => {
    const before = await findEndpointRow(tx, endpointId, now);
    const enabling = data.enabled === true && before?.enabled === false;
    const disabling = data.enabled === false && before?.enabled === true;
    await updateEndpointRow(tx, endpointId, {
      ...(data.url !== undefined ? { url: data.url } : {}),
      ...(data.description !== undefined ? { description: data.description || null } : {}),
      ...(data.events !== undefined ? { events: [...new Set(data.events)] } : {}),
      ...(enabling ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null } : {}),
      ...(disabling ? { enabled: false, disabledReason: "manual", disabledAt: now } : {}),
    });
    await recordAuditEvent(tx, {
      workspaceId: access.workspace.id,
      actorUserId: actor!.userId,
      action: disabling ? "endpoint.disabled" : "endpoint.updated",
      targetType: "endpoint",
      targetId: endpointId,
      data: { workflowId: access.workflowId, changed: Object.keys(data), ...(disabling ? { reason: "manual" } : {}) },
    });
    return endpointView((await findEndpointRow(tx, endpointId, now))!);
  });
}
