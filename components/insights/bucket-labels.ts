import type { BucketUnit } from "@/lib/insights/ranges";

// Bucket names in UTC, the zone the database buckets in.

const hourShort = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const dayShort = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const hourLong = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const dayLong = new Intl.DateTimeFormat("en", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/** For axis ticks: "14:00" or "Nov 28". */
export function shortBucketLabel(start: string, unit: BucketUnit): string {
  return (unit === "hour" ? hourShort : dayShort).format(new Date(start));
}

/** For tables and tooltips: "Nov 28, 14:00 UTC" or "Fri, Nov 28". */
export function longBucketLabel(start: string, unit: BucketUnit): string {
  return unit === "hour" ? `${hourLong.format(new Date(start))} UTC` : dayLong.format(new Date(start));
}

export const formatCount = (n: number) => n.toLocaleString("en-US");
