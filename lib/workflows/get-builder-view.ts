import type { Actor } from "@/lib/auth/authorize";
import { latestTestPayload } from "@/lib/delivery-log/latest-test-payload";
import { listWorkflowDetectedFields } from "@/lib/field-detection/list-detected-fields";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getWorkflowView } from "./get-workflow-view";

/**
 * Everything the Builder tab shows: the workflow, the fields detected in test payloads, the
 * latest test payload (the preview's sample values).
 */
export async function getBuilderView(db: PrismaClient, actor: Actor | null, workflowId: string, publicUrl: string) {
  const view = await getWorkflowView(db, actor, workflowId, publicUrl);
  const [detected, samplePayload] = await Promise.all([listWorkflowDetectedFields(db, actor, workflowId), latestTestPayload(db, actor, workflowId)]);
  return { view, detected: detected.map(({ path, type, example }) => ({ path, type, example })), samplePayload };
}
