import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hookSql } from "../db/hot-path-sql";

// Reads for the webhook hot path. One round trip per request answers "which workflow, which
// live version, which secrets may verify at `now`": the rows that decide revocation, expiry
// and publishing are read fresh every time, and only immutable data is cached by the caller.

type Db = PrismaClient | Prisma.TransactionClient;

export interface HookTargetRow {
  workflowId: string;
  liveVersionId: string | null;
  secretId: string | null;
  last4: string | null;
  ciphertext: string | null;
  /** ISO 8601 UTC text (not a Date: see lib/db/hot-path-sql.ts). */
  expiresAt: string | null;
  /** ISO 8601 UTC text: when a live request last verified with the secret. */
  lastVerifiedAt: string | null;
  /** An enabled completion-webhook endpoint of the workflow subscribes to session.started. */
  startedSubscribers: boolean;
}

/**
 * One row per unrevoked secret that has not expired by `notExpiredAt` (newest first), or one
 * row with null secret columns; none for an unknown hook. Each row also says whether a
 * completion webhook wants session.started, so the session insert only then carries the
 * outbox statement (which costs ~1 ms of planning per batch). The caller applies each request's
 * own clock to expiresAt.
 */
export function findHookTargetRows(db: Db, hookId: string, notExpiredAt: Date): Promise<HookTargetRow[]> {
  return hookSql(db).query<HookTargetRow>(
    `SELECT w."id" AS "workflowId", w."liveVersionId", s."id" AS "secretId", s."last4", s."ciphertext",
       to_char(s."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "expiresAt",
       to_char(s."lastVerifiedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastVerifiedAt",
       EXISTS (SELECT 1 FROM "OutboundEndpoint" e WHERE e."workflowId" = w."id" AND e."enabled" AND 'session.started' = ANY(e."events")) AS "startedSubscribers"
     FROM "Workflow" w
     LEFT JOIN "WebhookSecret" s
       ON s."workflowId" = w."id" AND s."revokedAt" IS NULL AND (s."expiresAt" IS NULL OR s."expiresAt" > $2::timestamp(3))
     WHERE w."hookId" = $1
     ORDER BY s."createdAt" DESC, s."id" DESC`,
    [hookId, notExpiredAt],
  );
}

export function findVersionDefinition(db: Db, versionId: string) {
  return db.workflowVersion.findUnique({ where: { id: versionId }, select: { id: true, definition: true } });
}

/** The draft and its revision, with the id of its test snapshot when one exists (test requests only). */
export async function findDraftRows(db: Db, workflowId: string) {
  const workflow = await db.workflow.findUnique({ where: { id: workflowId }, select: { draft: true, draftRevision: true } });
  if (!workflow) return null;
  const snapshot = await db.workflowVersion.findUnique({
    where: { workflowId_test_version: { workflowId, test: true, version: workflow.draftRevision } },
    select: { id: true },
  });
  return { draft: workflow.draft, draftRevision: workflow.draftRevision, snapshotId: snapshot?.id ?? null };
}

/**
 * The test snapshot of draft revision `revision`, created if missing. Concurrent first test
 * requests insert the same content: one insert wins, every caller gets its id.
 */
export async function ensureTestSnapshot(db: Db, workflowId: string, revision: number, definition: Prisma.InputJsonValue): Promise<string> {
  await db.workflowVersion.createMany({ data: [{ workflowId, test: true, version: revision, definition }], skipDuplicates: true });
  const row = await db.workflowVersion.findUniqueOrThrow({
    where: { workflowId_test_version: { workflowId, test: true, version: revision } },
    select: { id: true },
  });
  return row.id;
}
