import { describe, expect, it } from "vitest";
import { ACCEPTED_WITH_WARNINGS, categoryLabel, categoryOf, FIXED_CATEGORY_COLORS, orderCategories, REJECTION_COLORS } from "./delivery-categories";

// WCAG relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("delivery categories", () => {
  it("group accepted (url_verification too), warnings, duplicates and each rejection reason", () => {
    expect(categoryOf("accepted", "accepted")).toBe("accepted");
    expect(categoryOf("accepted", "url_verification")).toBe("accepted");
    expect(categoryOf("accepted", ACCEPTED_WITH_WARNINGS)).toBe(ACCEPTED_WITH_WARNINGS);
    expect(categoryOf("duplicate", "duplicate")).toBe("duplicate");
    expect(categoryOf("rejected", "signature_mismatch")).toBe("signature_mismatch");
    expect(categoryLabel("timestamp_out_of_tolerance")).toBe("Timestamp out of tolerance");
    expect(categoryLabel(ACCEPTED_WITH_WARNINGS)).toBe("Accepted with warnings");
  });

  it("draw accepted first, then warnings and duplicates, then rejections by frequency", () => {
    const order = orderCategories(new Map([["invalid_body", 2], ["duplicate", 1], ["signature_mismatch", 9], ["accepted", 50], ["rate_limited", 0]]));
    expect(order.map((c) => c.category)).toEqual(["accepted", "duplicate", "signature_mismatch", "invalid_body"]);
    expect(new Set(order.map((c) => c.color)).size).toBe(order.length);
  });

  it.each([...FIXED_CATEGORY_COLORS, ...REJECTION_COLORS])("%s keeps 3:1 contrast on white and on a dark surface", (color) => {
    expect(contrast(color, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrast(color, "#0f172a")).toBeGreaterThanOrEqual(3);
  });
});
