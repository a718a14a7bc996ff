import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPayloadPath, parsePayloadPath, readPayloadPath } from "./payload-path";

describe("parsePayloadPath", () => {
  it.each([
    ["customer.email", ["customer", "email"]],
    ["items[0].sku", ["items", 0, "sku"]],
    ["items.0.sku", ["items", 0, "sku"]],
    ["[2]", [2]],
    ["a\\.b.c", ["a.b", "c"]],
    ["客户.电子邮件", ["客户", "电子邮件"]],
    ["first name .x", ["first name ", "x"]],
    [" ", [" "]],
  ])("reads %s", (path, segments) => {
    expect(parsePayloadPath(path)).toEqual({ ok: true, segments });
  });

  it.each(["", "a..b", ".a", "a.", "a[", "a[b]", "a[0]x", "__proto__", "a.prototype", "x".repeat(257)])("refuses %j with a message", (path) => {
    const result = parsePayloadPath(path);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(5);
  });
});

describe("formatPayloadPath", () => {
  it("escapes keys with dots and brackets", () => {
    expect(formatPayloadPath(["a.b", "c[d", 0])).toBe("a\\.b.c\\[d[0]");
  });

  it("round-trips any addressable segments (property)", () => {
    const segment = fc.oneof(
      fc.string({ minLength: 1 }).filter((s) => !["__proto__", "prototype", "constructor"].includes(s) && !/^(0|[1-9]\d*)$/.test(s)),
      fc.nat({ max: 1000 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = formatPayloadPath(segments);
        fc.pre(path.length <= 256);
        expect(parsePayloadPath(path)).toEqual({ ok: true, segments });
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on random strings", () => {
    fc.assert(fc.property(fc.string(), (path) => void parsePayloadPath(path)), { numRuns: 1000 });
  });
});

describe("readPayloadPath", () => {
  const payload = JSON.parse('{"customer":{"name":"Zoë 🚀"},"items":[{"sku":"A-1"}],"tags":["x"]}') as unknown;

  it("follows objects and array indexes", () => {
    expect(readPayloadPath(payload, ["customer", "name"])).toEqual({ found: true, value: "Zoë 🚀" });
    expect(readPayloadPath(payload, ["items", 0, "sku"])).toEqual({ found: true, value: "A-1" });
    expect(readPayloadPath(payload, ["items", 1, "sku"])).toEqual({ found: false });
  });

  it("sees only what the partner sent, never inherited members", () => {
    expect(readPayloadPath(payload, ["toString"])).toEqual({ found: false });
    expect(readPayloadPath(payload, ["customer", "name", "length"])).toEqual({ found: false });
    expect(readPayloadPath(payload, ["tags", "length"])).toEqual({ found: false });
  });
});
