import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/audit-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { defaultDefinition } from "./definition";
import { definitionOrThrow } from "./definition-or-throw";
import { generateHookId, generateSlug } from "./public-ids";
import { ZCreateWorkflow } from "./schemas";
import { insertWorkflow } from "./workflow-repository";

export async function createWorkflow(db: PrismaClient, actor: Actor | null, workspaceId: string, input: unknown) {
  await authorizeWorkspace(db, actor, workspaceId, "edit");
  const data = ZCreateWorkflow.parse(input);
  const definition = data.definition === undefined ? defaultDefinition() : definitionOrThrow(data.definition);
  return db.$transaction(async (tx) => {
    const workflow = await insertWorkflow(tx, {
      workspaceId,
      name: data.name,
      slug: generateSlug(data.name),
      hookId: generateHookId(),
      draft: definition,
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actorUserId: actor!.userId,
      action: "workflow.created",
      targetType: "workflow",
      targetId: workflow.id,
      data: { name: data.name },
    });
    return workflow;
  });
}
