import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

const APP = "https://app.example";

/** What a browser does to a Location value before resolving it: drop tab/CR/LF, trim C0 and space. */
function browserResolve(location: string): URL {
  const cleaned = location.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  return new URL(cleaned, APP);
}

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackPath("/workspaces/abc")).toBe("/workspaces/abc");
    expect(safeCallbackPath("/workspaces/abc?mode=test#x")).toBe("/workspaces/abc?mode=test#x");
    expect(safeCallbackPath("/a/../b")).toBe("/b");
  });

  it.each([
    ["tab (the probe's payload)", "/\t/evil.example/phish"],
    ["carriage return", "/\r/evil.example"],
    ["line feed", "/\n/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["leading space", " //evil.example"],
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["dot segment normalising to //", "/.//evil.example"],
    ["encoded dot segment", "/%2e//evil.example"],
    ["parent segment", "/a/..//evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript:", "javascript:alert(1)"],
    ["empty", ""],
    ["line separator", "/\u2028/evil.example"],
    ["no-break space", "/\u00a0/evil.example"],
  ])("refuses %s", (_label, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(["/a"])).toBe("/");
  });

  it("whatever the input, a browser resolves the answer to this origin (property)", () => {
    const piece = fc.constantFrom("/", "//", "\\", ".", "..", "%2e", "%2f", "\t", "\r", "\n", "\u0000", " ", "evil.example", "@", ":", "?", "#", "\u2028", "\u00a0", "\u3000");
    const candidate = fc.oneof(fc.array(piece, { maxLength: 12 }).map((p) => p.join("")), fc.array(piece, { maxLength: 6 }).map((p) => `/${p.join("")}`), fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "binary" }).map((s) => `/${s}`));
    fc.assert(
      fc.property(candidate, (value) => {
        const answer = safeCallbackPath(value);
        expect(answer.startsWith("/")).toBe(true);
        expect(browserResolve(answer).origin).toBe(APP);
        // What a browser reads is what we checked: nothing for it to strip or reinterpret.
        expect(browserResolve(answer).href).toBe(new URL(answer, APP).href);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
});
