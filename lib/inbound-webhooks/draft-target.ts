import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import type { TWorkflowDefinition } from "@/lib/workflows/definition";
import { ensureTestSnapshot, findDraftRows } from "./hook-target-repository";

// What a test request runs against: the draft as it is when the request arrives, frozen in a
// test snapshot (a WorkflowVersion row with test = true, one per draft revision) that the test
// session points to, so later edits never change a test session that is already open. Read
// only for ?test=true: live requests never touch the mutable draft.

const MAX_REMEMBERED = 1_000;
// Snapshots are immutable, so their parsed definitions can be kept by id.
const definitions = new Map<string, TWorkflowDefinition>();

/** Shaped like HookTarget.liveVersion, so the pipeline treats both alike. */
export interface DraftTarget {
  /** The test snapshot's id (the session's versionId). */
  id: string;
  definition: TWorkflowDefinition;
}

export async function findDraftTarget(db: PrismaClient, workflowId: string): Promise<DraftTarget | null> {
  const rows = await findDraftRows(db, workflowId);
  if (!rows) return null; // deleted since the hook was looked up
  const known = rows.snapshotId === null ? undefined : definitions.get(rows.snapshotId);
  if (rows.snapshotId !== null && known) return { id: rows.snapshotId, definition: known };
  const definition = storedDefinition(rows.draft);
  const versionId = rows.snapshotId ?? (await ensureTestSnapshot(db, workflowId, rows.draftRevision, rows.draft as Prisma.InputJsonValue));
  if (definitions.size >= MAX_REMEMBERED) definitions.delete(definitions.keys().next().value!);
  definitions.set(versionId, definition);
  return { id: versionId, definition };
}
