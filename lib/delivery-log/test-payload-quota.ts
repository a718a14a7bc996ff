import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { reserveTestPayloadBytes } from "./test-payload-repository";

// Test requests keep their body for the builder (the payload view, the signature debugger),
// and anyone who knows a hook id can send them, signed or not. So what they may store is
// bounded twice: a rejected body keeps only its first REJECTED_BODY_PREFIX_BYTES (its full
// length and SHA-256 are on the row), and each workflow keeps at most TEST_PAYLOAD_QUOTA_BYTES
// of test bodies in all; past that, test rows are written without their body until retention
// frees room. Live requests are not affected: a rejected live body is never kept.

export const REJECTED_BODY_PREFIX_BYTES = 64 * 1024;
export const TEST_PAYLOAD_QUOTA_BYTES = 16 * 1024 * 1024;

type Db = PrismaClient | Prisma.TransactionClient;

/** The bytes a test request's row may keep (a prefix when rejected), or null when the quota is spent. */
export async function keepTestBody(db: Db, workflowId: string, bytes: Uint8Array, rejected: boolean): Promise<Uint8Array | null> {
  const kept = rejected && bytes.byteLength > REJECTED_BODY_PREFIX_BYTES ? bytes.subarray(0, REJECTED_BODY_PREFIX_BYTES) : bytes;
  if (kept.byteLength === 0) return kept;
  return (await reserveTestPayloadBytes(db, workflowId, kept.byteLength, TEST_PAYLOAD_QUOTA_BYTES)) ? kept : null;
}
