import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authorizeWorkspace } from "@/lib/auth/authorize";
import type { TokenActor } from "@/lib/api-tokens/authenticate-bearer";
import { AppError } from "@/lib/errors/app-error";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { findWorkflowDetail, listWorkflows } from "@/lib/workflows/workflow-repository";
import { toPage, type TPageQuery } from "./pagination";
import { toWorkflowResource, toWorkflowSummary } from "./workflow-resource";

// /api/v1/workflows: the same operations as the builder UI (lib/workflows), with the token's
// workspace as the implicit scope.

export async function listWorkflowsPage(db: PrismaClient, actor: TokenActor, page: TPageQuery, publicUrl: string) {
  await authorizeWorkspace(db, actor, actor.workspaceId, "view");
  const rows = await listWorkflows(db, actor.workspaceId, { take: page.limit + 1, cursor: page.cursor });
  return toPage(rows, page.limit, (row) => toWorkflowSummary(row, publicUrl));
}

export async function getWorkflowResource(db: PrismaClient, actor: TokenActor, workflowId: string, publicUrl: string) {
  await authorizeWorkflow(db, actor, workflowId, "view");
  const row = await findWorkflowDetail(db, workflowId);
  if (!row) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  return toWorkflowResource(row, publicUrl);
}

export async function createWorkflowResource(db: PrismaClient, actor: TokenActor, input: unknown, publicUrl: string) {
  const created = await createWorkflow(db, actor, actor.workspaceId, input ?? {});
  return toWorkflowResource(created, publicUrl);
}

export async function updateWorkflowResource(db: PrismaClient, actor: TokenActor, workflowId: string, input: unknown, publicUrl: string) {
  const updated = await updateWorkflow(db, actor, workflowId, input ?? {});
  return toWorkflowResource(updated, publicUrl);
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
