import type { Actor } from "@/lib/auth/authorize";
import { latestTestPayload } from "@/lib/delivery-log/latest-test-payload";
import { listWorkflowDetectedFields } from "@/lib/field-detection/list-detected-fields";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getWorkflowView } from "./get-workflow-view";

/**
 * Everything the Builder tab shows: the workflow, the fields detected in test payloads, the
 * latest test payload (the preview's sample values) and the field keys of the live version,
 * which the editor keeps fixed so a partner's mapping and stored answers keep their keys.
 */
export async function getBuilderView(db: PrismaClient, actor: Actor | null, workflowId: string, publicUrl: string) {
  const view = await getWorkflowView(db, actor, workflowId, publicUrl);
  const [detected, samplePayload] = await Promise.all([listWorkflowDetectedFields(db, actor, workflowId), latestTestPayload(db, actor, workflowId)]);
  const publishedFieldKeys = view.live ? view.live.definition.steps.flatMap((step) => step.fields.map((field) => field.key)) : [];
  return { view, detected: detected.map(({ path, type, example }) => ({ path, type, example })), samplePayload, publishedFieldKeys };
}
