import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hookSql } from "../db/hot-path-sql";

// The per-workflow count of test payload bytes kept in delivery rows (TestPayloadUsage).

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Adds `bytes` to the workflow's count if the sum stays within `quota`, in one statement, so
 * concurrent requests (on any instance) can never reserve past it together. True when reserved.
 */
export async function reserveTestPayloadBytes(db: Db, workflowId: string, bytes: number, quota: number): Promise<boolean> {
  const rows = await hookSql(db).query<{ reserved: number }>(
    `INSERT INTO "TestPayloadUsage" ("workflowId", "bytes")
       SELECT $1, $2::bigint WHERE $2::bigint <= $3::bigint
     ON CONFLICT ("workflowId") DO UPDATE SET "bytes" = "TestPayloadUsage"."bytes" + EXCLUDED."bytes"
       WHERE "TestPayloadUsage"."bytes" + EXCLUDED."bytes" <= $3::bigint
     RETURNING 1 AS "reserved"`,
    [workflowId, bytes, quota],
  );
  return rows.length > 0;
}

/**
 * Sets the workflow's count to the bytes its test rows really hold (after retention deleted
 * some, and to forget a reservation whose row was never written). octet_length reads the
 * stored size without loading the bytes.
 */
export async function recountTestPayloadBytes(db: Db, workflowId: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "TestPayloadUsage" SET "bytes" = (
       SELECT COALESCE(SUM(octet_length("body")), 0) FROM "Delivery" WHERE "workflowId" = $1 AND "test" AND "body" IS NOT NULL)
     WHERE "workflowId" = $1`,
    workflowId,
  );
}
