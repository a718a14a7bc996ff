import type { PrismaClient } from "@/lib/generated/prisma/client";
import { queueSample } from "../field-detection/sample-queue";
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
  // Detected fields are written after the answer (field-detection/sample-queue.ts): a hint for
  // the builder must not delay, nor fail, a session already committed.
  if (ctx.test && result.kind === "created") queueSample(db, ctx.workflowId, session.payload, ctx.receivedAt);
  return result;
}
