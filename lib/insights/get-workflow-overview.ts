import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { fixForReason, reasonInWords } from "@/lib/inbound-webhooks/hook-outcomes";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { findWorkflowDetail } from "@/lib/workflows/workflow-repository";
import { categoryLabel } from "./delivery-categories";
import { rollUpDeliveries } from "./delivery-rollup";
import { buildDeliverySeries, type DeliverySeries } from "./delivery-series";
import { buildFunnel, type Funnel } from "./funnel";
import { deliveryBucketCounts, medianSecondsToComplete, sessionStepCounts } from "./insights-repository";
import { rangeWindow, type BucketUnit, type TInsightRange } from "./ranges";

export const TOP_REJECTIONS = 5;

export interface TopRejection {
  reasonCode: string;
  label: string;
  count: number;
  /** What the reason means, and what to do about it. */
  words: string;
  fix: string | null;
}

export interface WorkflowOverview {
  range: TInsightRange;
  test: boolean;
  unit: BucketUnit;
  deliveries: DeliverySeries;
  funnel: Funnel & { medianSecondsToComplete: number | null };
  topRejections: TopRejection[];
}

/**
 * A workflow's overview for one range and mode: deliveries per bucket by outcome and reason,
 * the session funnel with completion rate and median time to complete, and the most frequent
 * rejection reasons with their fixes. Funnel step names come from the live version (the draft
 * for test traffic, or before the first publish).
 */
export async function getWorkflowOverview(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  input: { range: TInsightRange; test: boolean },
  opts: { now?: Date } = {},
): Promise<WorkflowOverview> {
  await authorizeWorkflow(db, actor, workflowId, "view");
  const now = opts.now ?? new Date();
  const window = rangeWindow(input.range, now);
  const workflow = await findWorkflowDetail(db, workflowId);
  if (!workflow) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  const definition = storedDefinition(input.test || !workflow.liveVersion ? workflow.draft : workflow.liveVersion.definition);

  const rolledUntil = await rollUpDeliveries(db, [workflowId], now);
  const scope = { workflowId, test: input.test, start: window.start, now };
  // Three independent queries; on PostgreSQL they run side by side on the pool.
  const [bucketRows, stepRows, median] = await Promise.all([
    deliveryBucketCounts(db, { ...scope, unit: window.unit, rolledUntil }),
    sessionStepCounts(db, scope),
    medianSecondsToComplete(db, scope),
  ]);
  const deliveries = buildDeliverySeries(bucketRows, window);
  return {
    range: input.range,
    test: input.test,
    unit: window.unit,
    deliveries,
    funnel: { ...buildFunnel(stepRows, definition.steps.map((s) => s.title)), medianSecondsToComplete: median },
    topRejections: deliveries.rejections.slice(0, TOP_REJECTIONS).map(({ reasonCode, count }) => ({
      reasonCode,
      label: categoryLabel(reasonCode),
      count,
      words: reasonInWords(reasonCode),
      fix: fixForReason(reasonCode),
    })),
  };
}
