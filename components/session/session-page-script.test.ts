import { describe, expect, it } from "vitest";
import { SESSION_PAGE_SCRIPT } from "./session-page-script";

describe("SESSION_PAGE_SCRIPT", () => {
  it("is self-contained script text that runs without a form on the page", () => {
    // Serialised functions must not refer to anything outside themselves.
    const document = { querySelector: () => null };
    expect(() => new Function("document", "window", SESSION_PAGE_SCRIPT)(document, {})).not.toThrow();
    expect(SESSION_PAGE_SCRIPT).not.toMatch(/\bimport\b|\brequire\(/);
    expect(SESSION_PAGE_SCRIPT.length).toBeLessThan(4096);
  });
});
