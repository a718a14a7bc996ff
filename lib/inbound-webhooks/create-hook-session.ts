import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/errors/unique-violation";
import { logger } from "@/lib/log/logger";
import { findSessionByMessageId, insertSession } from "@/lib/sessions/session-repository";
import { generateSessionToken } from "@/lib/sessions/session-token";
import { insertDelivery } from "../delivery-log/delivery-repository";
import { detectFields } from "../field-detection/detect-fields";
import { upsertDetectedFields } from "../field-detection/detected-field-repository";
import { deliveryRow, recordRejection, type DeliveryContext } from "./record-delivery";

export type CreateHookSessionResult =
  | { kind: "created"; sessionId: string; token: string }
  | { kind: "duplicate"; sessionId: string; token: string };

/**
 * Creates the session and its delivery row in one transaction, so a 201 always means both are
 * committed. Idempotency rests on the unique (workflowId, test, messageId): when two
 * instances race on one message id, the loser's insert fails and it answers with the winner's
 * session.
 */
export async function createHookSession(
  db: PrismaClient,
  ctx: DeliveryContext,
  session: { versionId: string; data: Prisma.InputJsonValue; payload: unknown },
): Promise<CreateHookSessionResult> {
  const { messageId } = ctx;
  if (messageId !== null) {
    const original = await findSessionByMessageId(db, ctx.workflowId, ctx.test, messageId);
    if (original) return duplicate(db, ctx, original);
  }
  let created: { id: string; token: string };
  try {
    created = await db.$transaction(async (tx) => {
      const row = await insertSession(tx, {
        workflowId: ctx.workflowId,
        versionId: session.versionId,
        token: generateSessionToken(),
        test: ctx.test,
        source: "webhook",
        data: session.data,
        messageId,
      });
      await insertDelivery(tx, deliveryRow(ctx, "accepted", row.id));
      return row;
    });
  } catch (error) {
    if (messageId === null || !isUniqueViolation(error)) throw error;
    const original = await findSessionByMessageId(db, ctx.workflowId, ctx.test, messageId);
    if (!original) throw error;
    return duplicate(db, ctx, original);
  }
  if (ctx.test) await recordSample(db, ctx.workflowId, session.payload, ctx.receivedAt);
  return { kind: "created", sessionId: created.id, token: created.token };
}

async function duplicate(db: PrismaClient, ctx: DeliveryContext, original: { id: string; token: string }): Promise<CreateHookSessionResult> {
  await recordRejection(db, ctx, "duplicate", original.id);
  return { kind: "duplicate", sessionId: original.id, token: original.token };
}

/**
 * Detected fields from a test payload. After the commit and outside it: a sample is a hint
 * for the builder, and failing to record one must not undo a session already promised.
 */
async function recordSample(db: PrismaClient, workflowId: string, payload: unknown, now: Date): Promise<void> {
  // Sorted by path so concurrent samples lock rows in the same order (no deadlock).
  const fields = detectFields(payload).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await upsertDetectedFields(db, workflowId, fields, now);
      return;
    } catch (error) {
      // Two first samples can both try to insert a new path; the retry then updates it.
      if (attempt === 2 || !isUniqueViolation(error)) {
        logger.error("detected_fields_failed", { workflowId, error });
        return;
      }
    }
  }
}
