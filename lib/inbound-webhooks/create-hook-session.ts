import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/errors/unique-violation";
import { logger } from "@/lib/log/logger";
import { detectFields } from "../field-detection/detect-fields";
import { upsertDetectedFields } from "../field-detection/detected-field-repository";
import type { DeliveryContext } from "./record-delivery";
import { writeHookSessions, type CreateHookSessionResult, type HookSessionRequest } from "./write-hook-sessions";

export type { CreateHookSessionResult } from "./write-hook-sessions";

/**
 * Writes one request's session and its delivery row (write-hook-sessions.ts, as a batch of
 * one), so a 201 always means both are committed; when two instances race on one message id,
 * the loser answers with the winner's session. The group commit (group-commit.ts) sends test
 * requests and requests of a failed batch here.
 */
export async function createHookSession(db: PrismaClient, ctx: DeliveryContext, session: HookSessionRequest["session"]): Promise<CreateHookSessionResult> {
  const [result] = await writeHookSessions(db, [{ ctx, session }]);
  // The insert found the message id taken but the original could not be read (logged there).
  if (!result) throw new Error("The original session of a repeated message id could not be read.");
  if (ctx.test && result.kind === "created") await recordSample(db, ctx.workflowId, session.payload, ctx.receivedAt);
  return result;
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
