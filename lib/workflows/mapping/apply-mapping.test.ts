import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDefinition } from "@/lib/workflows/definition/parse-definition";
import type { TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { applyMapping, MAPPED_VALUE_MISSING, REQUIRED_MAPPED_FIELD_MISSING } from "./apply-mapping";

function definitionWith(fields: unknown[], mapping: { from: string; to: string; required?: boolean }[]): TWorkflowDefinition {
  const result = parseDefinition({ trigger: { type: "webhook" }, steps: [{ type: "form", id: "s", title: "S", fields }], mapping });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition;
}

/** Maps payload path `v` into one field of the given shape (strictly: `required: true`) and returns the outcome. */
function mapOne(field: Record<string, unknown>, value: unknown, strict = true) {
  const definition = definitionWith([{ key: "f", label: "F", ...field }], [{ from: "v", to: "f", required: strict }]);
  return applyMapping(definition, value === undefined ? {} : { v: value });
}
const valueOf = (field: Record<string, unknown>, value: unknown) => {
  const result = mapOne(field, value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.values.f;
};
const messageOf = (field: Record<string, unknown>, value: unknown) => {
  const result = mapOne(field, value);
  if (result.ok) throw new Error(`expected an issue, got ${JSON.stringify(result.values)}`);
  return result.issues[0]?.message;
};

describe("applyMapping", () => {
  it("prefills from nested paths and array elements", () => {
    const definition = definitionWith(
      [
        { type: "email", key: "email", label: "Email", required: true },
        { type: "text", key: "sku", label: "SKU" },
      ],
      [
        { from: "customer.email", to: "email" },
        { from: "items[0].sku", to: "sku" },
      ],
    );
    const payload = { customer: { email: "ada@example.com" }, items: [{ sku: "A-1" }, { sku: "B-2" }] };
    expect(applyMapping(definition, payload)).toEqual({ ok: true, values: { email: "ada@example.com", sku: "A-1" }, warnings: [] });
  });

  it("by default leaves a missing or unusable value empty and says so in a warning, even for a required form field", () => {
    for (const missing of [undefined, null, "  "]) {
      expect(mapOne({ type: "text", required: true }, missing, false)).toEqual({ ok: true, values: {}, warnings: [{ path: "v", field: "f", message: MAPPED_VALUE_MISSING }] });
    }
    const select = { type: "select", options: [{ value: "gold", label: "Gold" }] };
    expect(mapOne(select, "Gold", false)).toEqual({
      ok: true,
      values: {},
      warnings: [{ path: "v", field: "f", message: '"Gold" is not one of the options (gold); the field was left empty.' }],
    });
    const date = mapOne({ type: "date" }, "01/03/2027", false);
    expect(date.ok && date.warnings[0]?.message).toMatch(/^Expected a date like 2024-12-31, got "01\/03\/2027"; the field was left empty\.$/);
  });

  it("keeps the good values next to a warning", () => {
    const definition = definitionWith(
      [
        { type: "email", key: "email", label: "Email", required: true },
        { type: "select", key: "tier", label: "Tier", options: [{ value: "gold", label: "Gold" }] },
      ],
      [
        { from: "email", to: "email" },
        { from: "tier", to: "tier" },
      ],
    );
    const result = applyMapping(definition, { email: "ada@example.com", tier: "Gold" });
    expect(result).toMatchObject({ ok: true, values: { email: "ada@example.com" }, warnings: [{ path: "tier", field: "tier" }] });
  });

  it("refuses a missing or unusable value of a required: true mapping entry", () => {
    expect(mapOne({ type: "text" }, undefined)).toEqual({ ok: false, issues: [{ from: "v", to: "f", message: REQUIRED_MAPPED_FIELD_MISSING }] });
    expect(messageOf({ type: "email" }, "  ")).toBe(REQUIRED_MAPPED_FIELD_MISSING);
    expect(messageOf({ type: "number" }, "lots")).toBe('Expected a number, got "lots"');
  });

  it("collects every issue of the strict entries in one answer, and no warning then", () => {
    const definition = definitionWith(
      [
        { type: "number", key: "n", label: "N" },
        { type: "date", key: "d", label: "D", required: true },
      ],
      [
        { from: "n", to: "n", required: true },
        { from: "d", to: "d", required: true },
      ],
    );
    const result = applyMapping(definition, { n: "lots" });
    expect(result.ok === false && result.issues.map((i) => i.to)).toEqual(["n", "d"]);
  });

  it("passes Unicode through byte-exact", () => {
    for (const text of ["Zoë Ångström", "東京都港区", "🚀👩🏽‍💻🇫🇷", "e\u0301 (decomposed) vs é", "\u200bzero width"]) {
      expect(valueOf({ type: "text" }, text)).toBe(text);
      expect(valueOf({ type: "textarea" }, `${text}\n  line two  `)).toBe(`${text}\n  line two  `);
    }
  });

  describe("coercion", () => {
    it("text takes strings, numbers and booleans but refuses objects and lists", () => {
      expect(valueOf({ type: "text" }, 42.5)).toBe("42.5");
      expect(valueOf({ type: "text" }, false)).toBe("false");
      expect(messageOf({ type: "text" }, { a: 1 })).toBe("Expected a single value, got an object");
      expect(messageOf({ type: "text" }, ["a"])).toBe("Expected a single value, got a list");
      expect(messageOf({ type: "text", maxLength: 3 }, "abcd")).toBe("Must be at most 3 characters");
      expect(valueOf({ type: "text", maxLength: 3 }, "🚀🚀🚀")).toBe("🚀🚀🚀");
    });

    it("number takes numbers and numeric strings only", () => {
      expect(valueOf({ type: "number" }, 3)).toBe(3);
      expect(valueOf({ type: "number" }, " -12.5 ")).toBe(-12.5);
      expect(valueOf({ type: "number" }, "1e3")).toBe(1000);
      for (const bad of ["12abc", "0x10", "1,000", "Infinity", "NaN", true]) expect(messageOf({ type: "number" }, bad)).toMatch(/^Expected a number/);
      expect(messageOf({ type: "number" }, "1e999")).toMatch(/too large/);
      expect(messageOf({ type: "number", min: 0, max: 10 }, 11)).toBe("Must be at most 10");
    });

    it("checkbox takes booleans and the usual words", () => {
      for (const yes of [true, "true", "TRUE", "1", 1, "yes", "on"]) expect(valueOf({ type: "checkbox" }, yes)).toBe(true);
      for (const no of [false, "false", "0", 0, "no", "off"]) expect(valueOf({ type: "checkbox" }, no)).toBe(false);
      expect(messageOf({ type: "checkbox" }, "maybe")).toBe('Expected true or false, got "maybe"');
      expect(messageOf({ type: "checkbox" }, 2)).toBe("Expected true or false, got 2");
    });

    it("date keeps the calendar day as written", () => {
      expect(valueOf({ type: "date" }, "2024-02-29")).toBe("2024-02-29");
      expect(valueOf({ type: "date" }, "2024-03-01T23:30:00-05:00")).toBe("2024-03-01");
      expect(valueOf({ type: "date" }, "2024-03-01T00:30:00.123Z")).toBe("2024-03-01");
      for (const bad of ["2023-02-29", "2024-13-01", "01/03/2024", "2024-03-01T25:00:00Z", 1709251200]) {
        expect(messageOf({ type: "date" }, bad)).toMatch(/^Expected a date like 2024-12-31/);
      }
    });

    it("email is validated and trimmed, but otherwise untouched", () => {
      expect(valueOf({ type: "email" }, " Ada.Lovelace@Example.com ")).toBe("Ada.Lovelace@Example.com");
      expect(messageOf({ type: "email" }, "not-an-email")).toBe('"not-an-email" is not a valid email address');
    });

    it("select must match an option value", () => {
      const select = { type: "select", options: [{ value: "gold", label: "Gold" }, { value: "1", label: "One" }] };
      expect(valueOf(select, "gold")).toBe("gold");
      expect(valueOf(select, 1)).toBe("1");
      expect(messageOf(select, "Gold")).toBe('"Gold" is not one of the options (gold, 1)');
    });

    it("never echoes a huge value back", () => {
      const message = messageOf({ type: "number" }, "x".repeat(10_000)) ?? "";
      expect(message.length).toBeLessThan(80);
    });
  });

  it("never throws on random JSON payloads and always answers in the declared shape (property)", () => {
    const definition = definitionWith(
      [
        { type: "text", key: "t", label: "T" },
        { type: "email", key: "e", label: "E", required: true },
        { type: "number", key: "n", label: "N" },
        { type: "date", key: "d", label: "D" },
        { type: "select", key: "s", label: "S", options: [{ value: "a", label: "A" }] },
        { type: "checkbox", key: "c", label: "C" },
      ],
      [
        { from: "t", to: "t" },
        { from: "a.e", to: "e" },
        { from: "n", to: "n" },
        { from: "list[0].d", to: "d" },
        { from: "s", to: "s" },
        { from: "c", to: "c" },
      ],
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom("t", "a", "n", "list", "s", "c"), fc.jsonValue())), (payload) => {
        const result = applyMapping(definition, payload);
        if (result.ok) {
          for (const v of Object.values(result.values)) expect(["string", "number", "boolean"]).toContain(typeof v);
          // Every mapped field is either prefilled or named in a warning, never silently dropped.
          for (const key of ["t", "e", "n", "d", "s", "c"]) expect(key in result.values || result.warnings.some((w) => w.field === key)).toBe(true);
        }
        else expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("maps any string into a text field unchanged (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }).filter((s) => s.trim() !== ""), (text) => {
        expect(valueOf({ type: "text" }, text)).toBe(text);
      }),
    );
  });

  it("maps any finite number and its string form to the same number (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(valueOf({ type: "number" }, n)).toBe(n);
        expect(valueOf({ type: "number" }, String(n))).toBe(Object.is(n, -0) ? 0 : n);
      }),
    );
  });
});
