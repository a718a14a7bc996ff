import { isLookupKey } from "@/lib/db/lookup-key";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

const summarySelect = {
  id: true,
  workspaceId: true,
  name: true,
  slug: true,
  hookId: true,
  draftRevision: true,
  createdAt: true,
  updatedAt: true,
  liveVersion: { select: { id: true, version: true, publishedAt: true } },
} satisfies Prisma.WorkflowSelect;

const detailSelect = {
  ...summarySelect,
  draft: true,
  liveVersion: { select: { id: true, version: true, publishedAt: true, definition: true } },
} satisfies Prisma.WorkflowSelect;

export async function findWorkflowWorkspace(db: Db, workflowId: string) {
  if (!isLookupKey(workflowId)) return null;
  return db.workflow.findUnique({ where: { id: workflowId }, select: { id: true, workspaceId: true } });
}

export function findWorkflowDetail(db: Db, workflowId: string) {
  return db.workflow.findUnique({ where: { id: workflowId }, select: detailSelect });
}

export function listWorkflows(db: Db, workspaceId: string, opts: { search?: string; take?: number; cursor?: string } = {}) {
  return db.workflow.findMany({
    where: { workspaceId, ...(opts.search ? { name: { contains: opts.search, mode: "insensitive" } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 100,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: summarySelect,
  });
}

export function insertWorkflow(
  db: Db,
  data: { workspaceId: string; name: string; slug: string; hookId: string; draft: Prisma.InputJsonValue },
) {
  return db.workflow.create({ data, select: detailSelect });
}

/**
 * Saves the draft only if nobody saved since `expectedRevision` (compare-and-set in one
 * UPDATE, so it holds across app instances). Returns false when the revision moved on.
 */
export async function updateDraftIfRevision(
  db: Db,
  workflowId: string,
  expectedRevision: number,
  data: { name?: string; draft?: Prisma.InputJsonValue },
): Promise<boolean> {
  const { count } = await db.workflow.updateMany({
    where: { id: workflowId, draftRevision: expectedRevision },
    data: { ...data, draftRevision: { increment: 1 } },
  });
  return count === 1;
}

export function deleteWorkflowRow(db: Db, workflowId: string) {
  return db.workflow.delete({ where: { id: workflowId }, select: { id: true } });
}

export function latestVersionNumber(db: Db, workflowId: string) {
  return db.workflowVersion.findFirst({ where: { workflowId, test: false }, orderBy: { version: "desc" }, select: { version: true } });
}

/** The definitions of some of a workflow's versions (published or test snapshots), newest first. */
/** Definitions of these versions of a workflow (all of them without `versionIds`), newest first. */
export function findVersionDefinitions(db: Db, workflowId: string, versionIds?: string[]) {
  return db.workflowVersion.findMany({
    where: { workflowId, ...(versionIds ? { id: { in: versionIds } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { version: "desc" }],
    select: { id: true, version: true, test: true, definition: true },
  });
}

export function insertVersion(
  db: Db,
  data: { workflowId: string; version: number; definition: Prisma.InputJsonValue; publishedById: string | null },
) {
  return db.workflowVersion.create({ data, select: { id: true, version: true, publishedAt: true } });
}

export function setLiveVersion(db: Db, workflowId: string, versionId: string) {
  return db.workflow.update({ where: { id: workflowId }, data: { liveVersionId: versionId }, select: { id: true } });
}

export async function findLiveWorkflowBySlug(db: Db, slug: string) {
  if (!isLookupKey(slug)) return null;
  return db.workflow.findUnique({
    where: { slug },
    select: { id: true, name: true, workspaceId: true, liveVersion: { select: { id: true, version: true, definition: true } } },
  });
}

/** The ids among `workflowIds` that belong to the workspace (the rest are someone else's). */
export async function workflowIdsInWorkspace(db: Db, workspaceId: string, workflowIds: string[]): Promise<string[]> {
  if (workflowIds.length === 0) return [];
  const rows = await db.workflow.findMany({ where: { workspaceId, id: { in: workflowIds } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Current names of these workflows (deleted ones are absent). */
export async function findWorkflowNames(db: Db, workflowIds: string[]): Promise<Map<string, string>> {
  if (workflowIds.length === 0) return new Map();
  const rows = await db.workflow.findMany({ where: { id: { in: workflowIds } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** All workflow ids in pages of `take`, after `cursor` (for jobs that visit every workflow). */
export async function pageWorkflowIds(db: Db, take: number, cursor?: string): Promise<string[]> {
  const rows = await db.workflow.findMany({
    orderBy: { id: "asc" },
    take,
    ...(cursor ? { where: { id: { gt: cursor } } } : {}),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
