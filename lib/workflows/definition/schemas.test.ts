import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalDefinitionJson, definitionsEqual } from "./canonical-json";
import { defaultDefinition } from "./default-definition";
import { parseDefinition } from "./parse-definition";

function issuesOf(input: unknown) {
  const result = parseDefinition(input);
  if (result.ok) throw new Error("expected the definition to be refused");
  return result.issues;
}

// A complete definition: HMAC settings, an allowed origin, one step, one mapping.
const complete = {
  trigger: {
    type: "webhook",
    hmac: { enabled: true, scheme: "prefixed-hex", algorithm: "sha256", header: "X-Signet-Signature", toleranceSeconds: 300 },
    allowedOrigins: ["https://portal.example.com"],
  },
  steps: [{ type: "form", id: "details", title: "Your details", fields: [{ key: "email", label: "Email", type: "email", required: true }] }],
  mapping: [{ from: "customer.email", to: "email" }],
};

const withFields = (fields: unknown[], mapping: unknown[] = []) => ({
  trigger: { type: "webhook" },
  steps: [{ type: "form", id: "s", title: "S", fields }],
  mapping,
});

describe("parseDefinition", () => {
  it("accepts a complete definition unchanged", () => {
    const result = parseDefinition(complete);
    expect(result).toEqual({ ok: true, definition: complete });
  });

  it("accepts the default definition, which has HMAC off, one email field and no mapping", () => {
    const definition = defaultDefinition();
    expect(parseDefinition(definition)).toEqual({ ok: true, definition });
    expect(definition.trigger.hmac.enabled).toBe(false);
    expect(definition.steps[0]?.fields.map((f) => f.type)).toEqual(["email"]);
    expect(definition.mapping).toEqual([]);
  });

  it("fills defaults: HMAC settings, required=false, empty mapping and origins", () => {
    const result = parseDefinition({ trigger: { type: "webhook" }, steps: [{ type: "form", id: "a", title: "A", fields: [{ type: "text", key: "name", label: "Name" }] }] });
    expect(result.ok && result.definition).toMatchObject({
      trigger: { hmac: { scheme: "prefixed-hex", enabled: false, header: "X-Signet-Signature" }, allowedOrigins: [] },
      steps: [{ fields: [{ required: false }] }],
      mapping: [],
    });
  });

  it("names each problem by its path", () => {
    const issues = issuesOf(
      withFields(
        [
          { type: "text", key: "name", label: "Name" },
          { type: "text", key: "9lives", label: "" },
          { type: "colour", key: "c", label: "C" },
        ],
        [{ from: "a..b", to: "name" }],
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ["steps", 0, "fields", 1, "key"], message: "Key must start with a letter and contain only letters, digits and _" },
        { path: ["steps", 0, "fields", 1, "label"], message: "Label is required" },
        { path: ["steps", 0, "fields", 2, "type"], message: expect.stringContaining("text, email, number, date, select, checkbox, textarea") },
        { path: ["mapping", 0, "from"], message: expect.stringContaining("empty segment") },
      ]),
    );
  });

  it("says what is missing at the top level", () => {
    expect(issuesOf({})).toEqual([
      { path: ["trigger"], message: "Trigger is required" },
      { path: ["steps"], message: "At least one step is required" },
    ]);
    expect(issuesOf({ trigger: { type: "webhook" }, steps: [] })).toEqual([{ path: ["steps"], message: "A workflow needs at least one step" }]);
    expect(issuesOf({ trigger: { type: "email" }, steps: [] })[0]).toEqual({ path: ["trigger", "type"], message: "Trigger type must be one of: webhook" });
  });

  it("refuses a field key used twice anywhere in the workflow, on the duplicate", () => {
    const input = {
      trigger: { type: "webhook" },
      steps: [
        { type: "form", id: "one", title: "One", fields: [{ type: "text", key: "name", label: "Name" }] },
        { type: "form", id: "two", title: "Two", fields: [{ type: "email", key: "email", label: "E" }, { type: "text", key: "name", label: "Again" }] },
      ],
    };
    expect(issuesOf(input)).toEqual([{ path: ["steps", 1, "fields", 1, "key"], message: expect.stringContaining('Duplicate field key "name"') }]);
  });

  it("reports a duplicate alongside unrelated errors, not one round later", () => {
    const issues = issuesOf(withFields([{ type: "text", key: "a", label: "" }, { type: "text", key: "a", label: "A" }]));
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining([["steps", 0, "fields", 0, "label"], ["steps", 0, "fields", 1, "key"]]));
  });

  it("refuses duplicate step ids and malformed ones", () => {
    const step = (id: string) => ({ type: "form", id, title: "T", fields: [] });
    expect(issuesOf({ trigger: { type: "webhook" }, steps: [step("a"), step("a")] })).toEqual([{ path: ["steps", 1, "id"], message: 'Duplicate step id "a"' }]);
    expect(issuesOf({ trigger: { type: "webhook" }, steps: [step("Your Details")] })[0]?.path).toEqual(["steps", 0, "id"]);
  });

  it("refuses keys that would shadow Object.prototype members", () => {
    expect(issuesOf(withFields([{ type: "text", key: "toString", label: "T" }]))).toEqual([
      { path: ["steps", 0, "fields", 0, "key"], message: '"toString" is reserved; choose another key' },
    ]);
  });

  it("requires select options with unique values", () => {
    expect(issuesOf(withFields([{ type: "select", key: "plan", label: "Plan", options: [] }]))[0]?.path).toEqual(["steps", 0, "fields", 0, "options"]);
    const dup = { type: "select", key: "plan", label: "Plan", options: [{ value: "a", label: "A" }, { value: "a", label: "Again" }] };
    expect(issuesOf(withFields([dup]))).toEqual([{ path: ["steps", 0, "fields", 0, "options", 1, "value"], message: 'Duplicate option value "a"' }]);
  });

  it("refuses number bounds that cross", () => {
    expect(issuesOf(withFields([{ type: "number", key: "n", label: "N", min: 5, max: 1 }]))).toEqual([
      { path: ["steps", 0, "fields", 0, "max"], message: "Maximum must be greater than or equal to the minimum" },
    ]);
  });

  it("refuses mapping to a missing field and mapping one field twice, on the entry", () => {
    const fields = [{ type: "text", key: "name", label: "Name" }];
    expect(issuesOf(withFields(fields, [{ from: "a", to: "nope" }]))).toEqual([{ path: ["mapping", 0, "to"], message: 'No field with key "nope"' }]);
    expect(issuesOf(withFields(fields, [{ from: "a", to: "name" }, { from: "b", to: "name" }]))).toEqual([
      { path: ["mapping", 1, "to"], message: 'Field "name" is already mapped' },
    ]);
  });

  it.each(["customer.email", "items[0].sku", "a\\.b", "[0].x", "données.prénom", "顧客.名前"])("accepts payload path %s", (from) => {
    expect(parseDefinition(withFields([{ type: "text", key: "t", label: "T" }], [{ from, to: "t" }])).ok).toBe(true);
  });

  it.each(["", "a.", ".a", "a..b", "items[0", "items[x]", "__proto__.x", "a.constructor"])("refuses payload path %j", (from) => {
    expect(issuesOf(withFields([{ type: "text", key: "t", label: "T" }], [{ from, to: "t" }]))[0]?.path).toEqual(["mapping", 0, "from"]);
  });

  it("normalises allowed origins and refuses paths, other schemes and duplicates", () => {
    const origins = (allowedOrigins: unknown[]) => ({ ...withFields([]), trigger: { type: "webhook", allowedOrigins } });
    const ok = parseDefinition(origins(["HTTPS://Portal.Example.com:443/", "http://localhost:8080", "https://bücher.example"]));
    expect(ok.ok && ok.definition.trigger.allowedOrigins).toEqual(["https://portal.example.com", "http://localhost:8080", "https://xn--bcher-kva.example"]);
    const bad = issuesOf(origins(["https://x.com/app", "ftp://x.com", "https://x.com?a=1", "*", "https://u:p@x.com"]));
    expect(bad.map((i) => i.path)).toEqual([0, 1, 2, 3, 4].map((i) => ["trigger", "allowedOrigins", i]));
    expect(issuesOf(origins(["https://a.com", "https://A.com/"]))).toEqual([{ path: ["trigger", "allowedOrigins", 1], message: "Duplicate origin https://a.com" }]);
  });

  it("validates the HMAC settings through the shared schema", () => {
    const input = { ...withFields([]), trigger: { type: "webhook", hmac: { scheme: "stripe", algorithm: "md5" } } };
    expect(issuesOf(input)[0]?.path).toEqual(["trigger", "hmac", "algorithm"]);
  });

  it('accepts "hmac": { "enabled": false } alone, the scheme defaulting to prefixed hex', () => {
    const result = parseDefinition({ ...withFields([]), trigger: { type: "webhook", hmac: { enabled: false } } });
    expect(result.ok && result.definition.trigger.hmac).toEqual({ scheme: "prefixed-hex", enabled: false, algorithm: "sha256", header: "X-Signet-Signature", toleranceSeconds: 300 });
    const on = parseDefinition({ ...withFields([]), trigger: { type: "webhook", hmac: { enabled: true, algorithm: "sha512" } } });
    expect(on.ok && on.definition.trigger.hmac).toMatchObject({ scheme: "prefixed-hex", enabled: true, algorithm: "sha512" });
  });

  it("takes hmac.messageIdPath for schemes without a signed id header, checked as a payload path", () => {
    const trigger = (hmac: Record<string, unknown>) => ({ ...withFields([]), trigger: { type: "webhook", hmac } });
    const ok = parseDefinition(trigger({ scheme: "stripe", enabled: true, messageIdPath: "id" }));
    expect(ok.ok && ok.definition.trigger.hmac.messageIdPath).toBe("id");
    expect(parseDefinition(trigger({ scheme: "github", messageIdPath: "event.id" })).ok).toBe(true);
    expect(issuesOf(trigger({ scheme: "stripe", messageIdPath: "a..b" }))).toEqual([{ path: ["trigger", "hmac", "messageIdPath"], message: expect.stringContaining("empty segment") }]);
    expect(issuesOf(trigger({ scheme: "standard-webhooks", messageIdPath: "id" }))).toEqual([
      { path: ["trigger", "hmac", "messageIdPath"], message: expect.stringContaining("signs its own message id") },
    ]);
    const customWithId = { scheme: "custom", messageIdPath: "id", custom: { header: "X-S", signedContent: "{id}.{body}", idHeader: "X-Id" } };
    expect(issuesOf(trigger(customWithId))[0]?.path).toEqual(["trigger", "hmac", "messageIdPath"]);
  });

  it("takes hidden fields, a readOnly flag and strict mapping entries", () => {
    const result = parseDefinition(
      withFields(
        [
          { type: "hidden", key: "customerId", label: "Customer id" },
          { type: "email", key: "email", label: "Email", readOnly: true },
        ],
        [
          { from: "customer.id", to: "customerId", required: true },
          { from: "customer.email", to: "email" },
        ],
      ),
    );
    expect(result.ok && result.definition.steps[0]!.fields).toEqual([
      { type: "hidden", key: "customerId", label: "Customer id", required: false },
      { type: "email", key: "email", label: "Email", required: false, readOnly: true },
    ]);
    expect(result.ok && result.definition.mapping).toEqual([
      { from: "customer.id", to: "customerId", required: true },
      { from: "customer.email", to: "email" },
    ]);
    expect(issuesOf(withFields([{ type: "text", key: "a", label: "A", readOnly: "yes" }]))[0]?.path).toEqual(["steps", 0, "fields", 0, "readOnly"]);
    expect(issuesOf(withFields([{ type: "text", key: "a", label: "A" }], [{ from: "a", to: "a", required: 1 }]))[0]?.path).toEqual(["mapping", 0, "required"]);
  });

  it("accepts an http(s) completion URL only", () => {
    expect(parseDefinition({ ...withFields([]), completion: { url: "https://api.example.com/done" } }).ok).toBe(true);
    expect(issuesOf({ ...withFields([]), completion: { url: "javascript:alert(1)" } })[0]?.path).toEqual(["completion", "url"]);
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseDefinition(input);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on near-valid definitions with random leaves", () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const field = fc.record({ type: fc.constantFrom("text", "email", "number", "date", "select", "checkbox", "textarea", "x"), key: fc.oneof(fc.constantFrom("a", "b", "toString"), fc.string()), label: leaf, options: fc.array(fc.record({ value: leaf, label: leaf })) });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 5 }), fc.array(fc.record({ from: fc.string(), to: fc.constantFrom("a", "b", "c") })), (fields, mapping) => {
        const result = parseDefinition(withFields(fields, mapping));
        // Whatever was accepted re-parses to itself: parsing is idempotent.
        if (result.ok) expect(parseDefinition(result.definition)).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });
});

describe("canonicalDefinitionJson", () => {
  it("ignores key order, so a jsonb round-trip is not an unpublished change", () => {
    const a = parseDefinition(complete);
    const shuffled = { mapping: complete.mapping, steps: complete.steps, trigger: { allowedOrigins: complete.trigger.allowedOrigins, hmac: { toleranceSeconds: 300, header: "X-Signet-Signature", algorithm: "sha256", scheme: "prefixed-hex", enabled: true }, type: "webhook" } };
    const b = parseDefinition(shuffled);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(canonicalDefinitionJson(a.definition)).toBe(canonicalDefinitionJson(b.definition));
  });

  it("sees a real change", () => {
    const draft = defaultDefinition();
    const live = defaultDefinition();
    expect(definitionsEqual(draft, live)).toBe(true);
    draft.steps[0]!.fields[0]!.label = "E-mail";
    expect(definitionsEqual(draft, live)).toBe(false);
  });

  it("is the same for any key order of any JSON value (property)", () => {
    const shuffleKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(shuffleKeys);
      if (value === null || typeof value !== "object") return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffleKeys(v)]));
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalDefinitionJson(value as never);
        expect(canonicalDefinitionJson(shuffleKeys(value) as never)).toBe(canonical);
        expect(JSON.parse(canonical)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
