import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePayloadPath, readPayloadPath } from "@/lib/workflows/mapping/payload-path";
import { detectFields, MAX_DETECT_DEPTH, MAX_DETECTED_FIELDS, MAX_EXAMPLE_CHARS, mergeDetected } from "./detect-fields";

describe("detectFields", () => {
  it("lists leaves with JSON paths, types and examples", () => {
    const payload = {
      customer: { email: "ada@example.com", name: "Ada 🚀", vip: true, phone: null },
      order: { total: 12.5, placedAt: "2024-03-01T10:00:00Z", due: "2024-03-08" },
      items: [{ sku: "A-1", qty: 2 }, { sku: "B-2", qty: 1 }],
      tags: ["x", "y"],
      meta: {},
    };
    expect(detectFields(payload)).toEqual([
      { path: "customer.email", type: "email", example: "ada@example.com" },
      { path: "customer.name", type: "string", example: "Ada 🚀" },
      { path: "customer.vip", type: "boolean", example: true },
      { path: "customer.phone", type: "null", example: null },
      { path: "order.total", type: "number", example: 12.5 },
      { path: "order.placedAt", type: "date", example: "2024-03-01T10:00:00Z" },
      { path: "order.due", type: "date", example: "2024-03-08" },
      { path: "items", type: "array", example: "[2 items]" },
      { path: "items[0].sku", type: "string", example: "A-1" },
      { path: "items[0].qty", type: "number", example: 2 },
      { path: "tags", type: "array", example: "[2 items]" },
      { path: "meta", type: "object", example: "{}" },
    ]);
  });

  it("escapes keys that contain dots or brackets and skips keys no path can name", () => {
    const payload = JSON.parse('{"a.b":1,"c[0]":2,"__proto__":3,"":4}') as unknown;
    expect(detectFields(payload).map((f) => f.path)).toEqual(["a\\.b", "c\\[0]"]);
  });

  it("handles a top-level array of objects", () => {
    expect(detectFields([{ id: 1 }])).toEqual([{ path: "[0].id", type: "number", example: 1 }]);
    expect(detectFields("just a string")).toEqual([]);
  });

  it("stops at the depth cap and lists the deeper container instead", () => {
    let deep: unknown = { leaf: "x" };
    for (let i = 0; i < 50; i++) deep = { n: deep };
    const fields = detectFields(deep);
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ type: "object", example: "{…}" });
    expect(fields[0]?.path.split(".")).toHaveLength(MAX_DETECT_DEPTH);
  });

  it("stops at the path cap on wide payloads", () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const fields = detectFields(wide);
    expect(fields).toHaveLength(MAX_DETECTED_FIELDS);
    expect(fields[0]).toEqual({ path: "k0", type: "number", example: 0 });
  });

  it("truncates long examples without splitting an emoji", () => {
    const fields = detectFields({ bio: "🚀".repeat(10_000) });
    const example = fields[0]?.example as string;
    expect([...example]).toHaveLength(MAX_EXAMPLE_CHARS);
    expect(example.endsWith("🚀…")).toBe(true);
    const short = "🚀".repeat(MAX_EXAMPLE_CHARS);
    expect(detectFields({ bio: short })[0]?.example).toBe(short);
  });

  it("gives paths that read back the example from the same payload (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (payload) => {
        const fields = detectFields(payload);
        expect(fields.length).toBeLessThanOrEqual(MAX_DETECTED_FIELDS);
        for (const field of fields) {
          const parsed = parsePayloadPath(field.path);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) continue;
          expect(parsed.segments.length).toBeLessThanOrEqual(MAX_DETECT_DEPTH);
          const read = readPayloadPath(payload, parsed.segments);
          expect(read.found).toBe(true);
          if (read.found && (typeof read.value === "number" || typeof read.value === "boolean" || read.value === null)) {
            expect(field.example).toBe(read.value);
          }
          if (read.found && typeof read.value === "string" && read.value.length <= MAX_EXAMPLE_CHARS) expect(field.example).toBe(read.value);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on arbitrary values (property)", () => {
    fc.assert(fc.property(fc.anything(), (value) => void detectFields(value)), { numRuns: 500 });
  });
});

describe("mergeDetected", () => {
  it("keeps first-seen order, lets newer samples win, but never lets null hide a type", () => {
    const older = detectFields({ name: "Ada", phone: "+44 20", age: 36 });
    const newer = detectFields({ name: "Grace", phone: null, email: "g@example.com" });
    expect(mergeDetected(older, newer)).toEqual([
      { path: "name", type: "string", example: "Grace" },
      { path: "phone", type: "string", example: "+44 20" },
      { path: "age", type: "number", example: 36 },
      { path: "email", type: "email", example: "g@example.com" },
    ]);
  });

  it("stays within the cap", () => {
    const many = (prefix: string) => detectFields(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`${prefix}${i}`, i])));
    expect(mergeDetected(many("a"), many("b"))).toHaveLength(MAX_DETECTED_FIELDS);
  });
});
