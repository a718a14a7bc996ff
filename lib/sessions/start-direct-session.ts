import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { findLiveWorkflowBySlug } from "@/lib/workflows/workflow-repository";
import { announceMessages } from "@/lib/outbound-webhooks/announce-messages";
import { insertSession } from "./session-repository";
import { generateSessionToken } from "./session-token";

/**
 * Starts an empty session from the direct link /w/{slug}. Only the published version counts:
 * an unpublished workflow is 404, and one whose live version has HMAC on can only be started
 * by a signed webhook (HMAC_REQUIRED).
 */
export async function startDirectSession(db: PrismaClient, slug: string) {
  const workflow = await findLiveWorkflowBySlug(db, slug);
  if (!workflow?.liveVersion) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  const definition = storedDefinition(workflow.liveVersion.definition);
  if (definition.trigger.hmac.enabled) {
    throw new AppError("HMAC_REQUIRED", "This workflow can only be started by an authorised system.", { reason: "hmac_required" });
  }
  const { messageIds, ...session } = await insertSession(db, {
    workflowId: workflow.id,
    versionId: workflow.liveVersion.id,
    token: generateSessionToken(),
    test: false,
    source: "direct_link",
    data: {},
  });
  announceMessages(messageIds);
  return session;
}

/** Whether /w/{slug} and its QR code may start sessions right now (for the QR endpoint). */
export async function directLinkState(db: PrismaClient, slug: string): Promise<"live" | "hmac_required" | "not_found"> {
  const workflow = await findLiveWorkflowBySlug(db, slug);
  if (!workflow?.liveVersion) return "not_found";
  return storedDefinition(workflow.liveVersion.definition).trigger.hmac.enabled ? "hmac_required" : "live";
}
