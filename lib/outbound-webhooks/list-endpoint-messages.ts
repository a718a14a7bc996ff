import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeEndpoint } from "./endpoint-access";
import { listMessageRows, type MessageRow } from "./message-list-repository";

export const MESSAGES_PAGE_SIZE = 50;

/** An endpoint's messages, newest first, each with its attempts (newest first). */
export async function listEndpointMessages(
  db: PrismaClient,
  actor: Actor | null,
  endpointId: string,
  opts: { cursor?: string; take?: number; status?: "pending" | "delivered" | "failed" } = {},
): Promise<{ messages: MessageRow[]; nextCursor: string | null }> {
  await authorizeEndpoint(db, actor, endpointId, "view");
  const take = Math.min(Math.max(opts.take ?? MESSAGES_PAGE_SIZE, 1), 200);
  const rows = await listMessageRows(db, endpointId, { take: take + 1, cursor: opts.cursor, status: opts.status });
  const messages = rows.slice(0, take);
  return { messages, nextCursor: rows.length > take ? messages[messages.length - 1]!.id : null };
}
