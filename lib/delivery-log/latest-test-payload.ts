import type { Actor } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseBody } from "@/lib/inbound-webhooks/parse-body";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { findLatestTestBody } from "./delivery-repository";

/**
 * The payload of the workflow's latest accepted test request, parsed as the pipeline parsed it,
 * or null when there is none: the builder's preview prefills its sample values from it. Anyone
 * who may read the delivery log (which shows the same payload) may read it.
 */
export async function latestTestPayload(db: PrismaClient, actor: Actor | null, workflowId: string): Promise<unknown> {
  await authorizeWorkflow(db, actor, workflowId, "view");
  const row = await findLatestTestBody(db, workflowId);
  if (!row?.body) return null;
  const parsed = parseBody(new Uint8Array(row.body), row.contentType);
  return parsed.ok ? parsed.payload : null;
}
