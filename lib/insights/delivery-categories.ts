// How the overview groups deliveries: accepted, accepted with warnings, duplicate, and one
// category per rejection reason. Colours are chosen to keep at least 3:1 contrast (WCAG's
// bar for graphics) on a white and on a near-black surface, so a chart stays readable in a
// light and a dark theme; every chart also has a table with the same numbers.

/** The reason code a lenient prefill stores when a session started with warnings. */
export const ACCEPTED_WITH_WARNINGS = "accepted_with_warnings";

export type DeliveryCategory = string;

const FIXED = {
  accepted: { label: "Accepted", color: "#059669" },
  [ACCEPTED_WITH_WARNINGS]: { label: "Accepted with warnings", color: "#d97706" },
  duplicate: { label: "Duplicate", color: "#64748b" },
} as const satisfies Record<string, { label: string; color: string }>;

/** Rejection reasons take these in order of their count in the range. */
export const REJECTION_COLORS = ["#dc2626", "#9333ea", "#db2777", "#ea580c", "#2563eb", "#0891b2", "#c026d3", "#7c3aed"] as const;

export const FIXED_CATEGORY_COLORS: readonly string[] = Object.values(FIXED).map((c) => c.color);

export function categoryOf(outcome: string, reasonCode: string): DeliveryCategory {
  if (outcome === "rejected") return reasonCode;
  if (outcome === "duplicate") return "duplicate";
  return reasonCode === ACCEPTED_WITH_WARNINGS ? ACCEPTED_WITH_WARNINGS : "accepted";
}

export function isRejection(category: DeliveryCategory): boolean {
  return !Object.hasOwn(FIXED, category);
}

/** "signature_mismatch" → "Signature mismatch". */
export function categoryLabel(category: DeliveryCategory): string {
  if (Object.hasOwn(FIXED, category)) return FIXED[category as keyof typeof FIXED].label;
  const words = category.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface CategoryStyle {
  category: DeliveryCategory;
  label: string;
  color: string;
}

/**
 * The categories present, in drawing order (accepted at the bottom of each bar, then
 * warnings, duplicates, and rejections from the most to the least frequent).
 */
export function orderCategories(totals: Map<DeliveryCategory, number>): CategoryStyle[] {
  const fixed = (Object.keys(FIXED) as (keyof typeof FIXED)[])
    .filter((c) => (totals.get(c) ?? 0) > 0)
    .map((c) => ({ category: c, label: FIXED[c].label, color: FIXED[c].color }));
  const rejections = [...totals.entries()]
    .filter(([c, n]) => isRejection(c) && n > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([c], i) => ({ category: c, label: categoryLabel(c), color: REJECTION_COLORS[i % REJECTION_COLORS.length]! }));
  return [...fixed, ...rejections];
}
