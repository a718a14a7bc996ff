import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { announceMessages } from "./announce-messages";
import { authorizeEndpoint } from "./endpoint-access";
import { findMessageEndpoint, findMessageRow, requeueMessage, type MessageRow } from "./message-list-repository";

/** Sends one message again now, with a fresh round of retries (same webhook-id: receivers deduplicate). */
export async function resendMessage(db: PrismaClient, actor: Actor | null, messageId: string): Promise<MessageRow> {
  const message = await findMessageEndpoint(db, messageId);
  if (!message) throw new AppError("NOT_FOUND", "Message not found.", { reason: "not_found" });
  try {
    await authorizeEndpoint(db, actor, message.endpointId, "edit");
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "Message not found.", { reason: "not_found" });
    throw error;
  }
  await requeueMessage(db, messageId, new Date());
  announceMessages([messageId]);
  return (await findMessageRow(db, messageId))!;
}
