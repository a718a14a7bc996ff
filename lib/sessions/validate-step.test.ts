import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDefinition } from "@/lib/workflows/definition/parse-definition";
import type { TStep } from "@/lib/workflows/definition/schemas";
import { draftStepValues, validateStepValues } from "./validate-step";

function stepWith(fields: unknown[]): TStep {
  const result = parseDefinition({ trigger: { type: "webhook" }, steps: [{ type: "form", id: "s", title: "S", fields }] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition.steps[0]!;
}

const step = stepWith([
  { type: "text", key: "name", label: "Name", required: true, maxLength: 20 },
  { type: "email", key: "email", label: "Email", required: true },
  { type: "number", key: "seats", label: "Seats", min: 1, max: 10 },
  { type: "date", key: "start", label: "Start" },
  { type: "select", key: "plan", label: "Plan", options: [{ value: "basic", label: "Basic" }, { value: "pro", label: "Pro" }] },
  { type: "checkbox", key: "newsletter", label: "Newsletter" },
  { type: "checkbox", key: "terms", label: "Terms", required: true },
  { type: "textarea", key: "notes", label: "Notes" },
]);

describe("validateStepValues", () => {
  it("turns form strings into typed values and drops unknown keys", () => {
    const result = validateStepValues(step, {
      name: "Zoë 🚀", email: "zoe@example.com", seats: "3", start: "2024-05-01", plan: "pro", terms: "on", notes: "", extra: "ignored",
    });
    expect(result).toEqual({
      ok: true,
      values: { name: "Zoë 🚀", email: "zoe@example.com", seats: 3, start: "2024-05-01", plan: "pro", newsletter: false, terms: true },
    });
  });

  it("reports every field's problem by key", () => {
    const result = validateStepValues(step, { name: " ", email: "nope", seats: "11", start: "2024-02-30", plan: "gold", newsletter: "maybe" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: "This field is required",
        email: '"nope" is not a valid email address',
        seats: "Must be at most 10",
        start: 'Expected a date like 2024-12-31, got "2024-02-30"',
        plan: '"gold" is not one of the options (basic, pro)',
        newsletter: 'Expected true or false, got "maybe"',
        terms: "Please tick this box to continue",
      },
    });
  });

  it("requires a required checkbox to be ticked, not just present", () => {
    const consent = stepWith([{ type: "checkbox", key: "terms", label: "Terms", required: true }]);
    expect(validateStepValues(consent, { terms: "false" })).toEqual({ ok: false, fieldErrors: { terms: "Please tick this box to continue" } });
    expect(validateStepValues(consent, { terms: true })).toEqual({ ok: true, values: { terms: true } });
  });

  it("does not mistake inherited members for submitted values", () => {
    const s = stepWith([{ type: "text", key: "hasOwn", label: "H", required: true }]);
    expect(validateStepValues(s, Object.create({ hasOwn: "inherited" }) as Record<string, unknown>)).toEqual({ ok: false, fieldErrors: { hasOwn: "This field is required" } });
  });

  it("refuses a list where one value is expected", () => {
    expect(validateStepValues(step, { name: ["a", "b"], email: "a@b.co", terms: "on" })).toEqual({ ok: false, fieldErrors: { name: "Expected a single value, got a list" } });
  });

  it("never throws and only ever answers for the step's own keys (property)", () => {
    const keys = step.fields.map((f) => f.key);
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), fc.oneof(fc.string(), fc.jsonValue())), (values) => {
        const result = validateStepValues(step, values);
        const answered = Object.keys(result.ok ? result.values : result.fieldErrors);
        for (const key of answered) expect(keys).toContain(key);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("validateStepValues with locked fields", () => {
  it("skips hidden and read-only fields: their value is the prefill, never what was submitted", () => {
    const locked = stepWith([
      { type: "hidden", key: "customerId", label: "Customer" },
      { type: "text", key: "account", label: "Account", required: true, readOnly: true },
      { type: "text", key: "name", label: "Name", required: true },
    ]);
    expect(validateStepValues(locked, { customerId: "forged", account: "forged", name: "Ada" })).toEqual({ ok: true, values: { name: "Ada" } });
    expect(validateStepValues(locked, {})).toEqual({ ok: false, fieldErrors: { name: "This field is required" } });
  });
});

describe("draftStepValues (Back)", () => {
  it("keeps valid values, lists cleared keys, drops invalid ones and requires nothing", () => {
    expect(draftStepValues(step, { name: "", email: "not-an-email", seats: "4", plan: "gold", notes: "hi", extra: "x" })).toEqual({
      values: { seats: 4, notes: "hi", newsletter: false, terms: false },
      cleared: ["name"],
    });
  });

  it("reads a ticked checkbox as true and an absent one as false", () => {
    expect(draftStepValues(step, { newsletter: "on" }).values).toEqual({ newsletter: true, terms: false });
  });

  it("never takes a posted value for a hidden or read-only field", () => {
    const locked = stepWith([
      { type: "hidden", key: "customerId", label: "Customer" },
      { type: "checkbox", key: "vip", label: "VIP", readOnly: true },
      { type: "text", key: "name", label: "Name", required: true },
    ]);
    expect(draftStepValues(locked, { customerId: "forged", name: "" })).toEqual({ values: {}, cleared: ["name"] });
  });
});
