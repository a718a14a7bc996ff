import { categoryOf, isRejection, orderCategories, type CategoryStyle, type DeliveryCategory } from "./delivery-categories";
import type { BucketCountRow } from "./insights-repository";
import type { RangeWindow } from "./ranges";

// The database's (bucket, outcome, reason, count) rows as the chart draws them: every bucket
// of the range present (zero when nothing arrived), counts per category, and the totals.

export interface SeriesBucket {
  /** ISO start of the bucket (UTC). */
  start: string;
  counts: Record<DeliveryCategory, number>;
  total: number;
}

export interface DeliverySeries {
  buckets: SeriesBucket[];
  categories: CategoryStyle[];
  totals: { all: number; accepted: number; duplicate: number; rejected: number };
  /** Rejections per reason, most frequent first. */
  rejections: { reasonCode: string; count: number }[];
}

export function buildDeliverySeries(rows: BucketCountRow[], window: RangeWindow): DeliverySeries {
  const byStart = new Map(window.bucketStarts.map((d) => [d.toISOString().replace(/\.\d{3}Z$/, "Z"), { counts: {} as Record<string, number>, total: 0 }]));
  const categoryTotals = new Map<DeliveryCategory, number>();
  for (const row of rows) {
    const bucket = byStart.get(row.bucket);
    // Rows outside the window (a clock step between the query and now) are not drawn.
    if (!bucket) continue;
    const category = categoryOf(row.outcome, row.reasonCode);
    bucket.counts[category] = (bucket.counts[category] ?? 0) + row.count;
    bucket.total += row.count;
    categoryTotals.set(category, (categoryTotals.get(category) ?? 0) + row.count);
  }
  const categories = orderCategories(categoryTotals);
  const sum = (pick: (c: DeliveryCategory) => boolean) => [...categoryTotals].filter(([c]) => pick(c)).reduce((s, [, n]) => s + n, 0);
  return {
    buckets: [...byStart].map(([start, b]) => ({ start, ...b })),
    categories,
    totals: {
      all: sum(() => true),
      accepted: sum((c) => !isRejection(c) && c !== "duplicate"),
      duplicate: sum((c) => c === "duplicate"),
      rejected: sum(isRejection),
    },
    rejections: categories.filter((c) => isRejection(c.category)).map((c) => ({ reasonCode: c.category, count: categoryTotals.get(c.category)! })),
  };
}
