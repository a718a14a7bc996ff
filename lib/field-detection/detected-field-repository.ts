import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { DetectedField, TDetectedFieldType } from "./detect-fields";

type Db = PrismaClient | Prisma.TransactionClient;

export interface StoredDetectedField extends DetectedField {
  seenCount: number;
  lastSeenAt: Date;
}

/** Fields detected from test payloads, in the order they were first seen. */
export async function listDetectedFields(db: Db, workflowId: string): Promise<StoredDetectedField[]> {
  const rows = await db.detectedField.findMany({
    where: { workflowId },
    // cuid ids grow with time, so id order is first-seen order within the workflow.
    orderBy: { id: "asc" },
    select: { path: true, type: true, example: true, seenCount: true, lastSeenAt: true },
  });
  return rows.map((row) => ({
    path: row.path,
    type: row.type as TDetectedFieldType,
    example: row.example as DetectedField["example"],
    seenCount: row.seenCount,
    lastSeenAt: row.lastSeenAt,
  }));
}

/**
 * Records one test sample's fields. One upsert per path, so two samples arriving at once on
 * two instances both count instead of one losing to the unique (workflowId, path).
 * A `null` example never replaces a type seen before (see mergeDetected).
 */
export async function upsertDetectedFields(db: Db, workflowId: string, fields: readonly DetectedField[], now: Date): Promise<void> {
  for (const field of fields) {
    // A JSON null has to be spelled Prisma.JsonNull; a bare null would mean "no value".
    const example = field.example === null ? Prisma.JsonNull : field.example;
    const keepType = field.type === "null";
    await db.detectedField.upsert({
      where: { workflowId_path: { workflowId, path: field.path } },
      create: { workflowId, path: field.path, type: field.type, example, seenCount: 1, lastSeenAt: now },
      update: keepType
        ? { seenCount: { increment: 1 }, lastSeenAt: now }
        : { type: field.type, example, seenCount: { increment: 1 }, lastSeenAt: now },
    });
  }
}
