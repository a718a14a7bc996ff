import { z } from "zod";

// The overview's time ranges and their buckets. Buckets are UTC hours or days, aligned the way
// PostgreSQL's date_trunc aligns them, so the buckets drawn here are the ones the database
// counted into. The last bucket is the current, still-filling one.

export const INSIGHT_RANGES = {
  "24h": { label: "24 hours", unit: "hour", buckets: 24 },
  "7d": { label: "7 days", unit: "day", buckets: 7 },
  "30d": { label: "30 days", unit: "day", buckets: 30 },
} as const satisfies Record<string, { label: string; unit: BucketUnit; buckets: number }>;

export type BucketUnit = "hour" | "day";
export type TInsightRange = keyof typeof INSIGHT_RANGES;
export const ZInsightRange = z.enum(Object.keys(INSIGHT_RANGES) as [TInsightRange, ...TInsightRange[]], {
  error: "range must be 24h, 7d or 30d",
});
export const DEFAULT_RANGE: TInsightRange = "7d";

const UNIT_MS: Record<BucketUnit, number> = { hour: 3_600_000, day: 86_400_000 };

/** The start of the bucket holding `at` (UTC), like date_trunc(unit, at). */
export function truncate(at: Date, unit: BucketUnit): Date {
  const ms = at.getTime();
  return new Date(ms - (((ms % UNIT_MS[unit]) + UNIT_MS[unit]) % UNIT_MS[unit]));
}

export interface RangeWindow {
  range: TInsightRange;
  unit: BucketUnit;
  /** Start of the first bucket (inclusive). */
  start: Date;
  /** Every bucket's start, oldest first; the last one holds `now`. */
  bucketStarts: Date[];
}

export function rangeWindow(range: TInsightRange, now: Date): RangeWindow {
  const { unit, buckets } = INSIGHT_RANGES[range];
  const last = truncate(now, unit).getTime();
  const bucketStarts = Array.from({ length: buckets }, (_, i) => new Date(last - (buckets - 1 - i) * UNIT_MS[unit]));
  return { range, unit, start: bucketStarts[0]!, bucketStarts };
}

/** Reads `?range=` leniently for pages: anything unknown is the default. */
export function rangeFromParam(value: string | string[] | undefined): TInsightRange {
  const parsed = ZInsightRange.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : DEFAULT_RANGE;
}
