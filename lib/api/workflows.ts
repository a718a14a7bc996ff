import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { describeWorkflow, getWorkflowView } from "@/lib/workflows/get-workflow-view";
import { listWorkspaceWorkflows } from "@/lib/workflows/list-workflows";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { toPage, type TPageQuery } from "./pagination";
import { toWorkflowResource, toWorkflowSummary } from "./workflow-resource";

// /api/v1/workflows: the same operations as the builder UI (lib/workflows), with the token's
// workspace as the implicit scope.

export async function listWorkflowsPage(db: PrismaClient, actor: TokenActor, page: TPageQuery, publicUrl: string) {
  const rows = await listWorkspaceWorkflows(db, actor, actor.workspaceId, { take: page.limit + 1, cursor: page.cursor });
  return toPage(rows, page.limit, (row) => toWorkflowSummary(row, publicUrl));
}

export async function getWorkflowResource(db: PrismaClient, actor: TokenActor, workflowId: string, publicUrl: string) {
  return toWorkflowResource(await getWorkflowView(db, actor, workflowId, publicUrl));
}

export async function createWorkflowResource(db: PrismaClient, actor: TokenActor, input: unknown, publicUrl: string) {
  const created = await createWorkflow(db, actor, actor.workspaceId, input ?? {});
  return toWorkflowResource(describeWorkflow(created, publicUrl));
}

export async function updateWorkflowResource(db: PrismaClient, actor: TokenActor, workflowId: string, input: unknown, publicUrl: string) {
  const updated = await updateWorkflow(db, actor, workflowId, input ?? {});
  return toWorkflowResource(describeWorkflow(updated, publicUrl));
}

export async function deleteWorkflowResource(db: PrismaClient, actor: TokenActor, workflowId: string) {
  const { id } = await deleteWorkflow(db, actor, workflowId);
  return { id, deleted: true as const };
}

const ZPublishInput = z.object({ expectedRevision: z.number().int().positive().optional(), definition: z.unknown().optional() }).strict();

export async function publishWorkflowResource(db: PrismaClient, actor: TokenActor, workflowId: string, input: unknown) {
  // Authorise before validating, so a viewer learns "forbidden", not which fields exist.
  await authorizeWorkflow(db, actor, workflowId, "edit");
  const opts = ZPublishInput.parse(input ?? {});
  const published = await publishWorkflow(db, actor, workflowId, opts);
  return { version: published.version, publishedAt: published.publishedAt, unchanged: published.unchanged, draftRevision: published.draftRevision };
}
