import { describe, expect, it } from "vitest";
import { parseDefinition } from "@/lib/workflows/definition/parse-definition";
import { applyMapping } from "./apply-mapping";
import { samplePayload } from "./sample-payload";

function definitionOf(input: unknown) {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}

describe("samplePayload", () => {
  it("puts a value each field accepts at every mapped path, so mapping it prefills everything with no warning", () => {
    const definition = definitionOf({
      trigger: { type: "webhook", hmac: { scheme: "stripe", messageIdPath: "event.id" } },
      steps: [
        {
          type: "form",
          id: "s",
          title: "S",
          fields: [
            { type: "email", key: "email", label: "Email" },
            { type: "text", key: "fullName", label: "Name", maxLength: 5 },
            { type: "number", key: "seats", label: "Seats", min: 3 },
            { type: "date", key: "start", label: "Start" },
            { type: "select", key: "tier", label: "Tier", options: [{ value: "gold", label: "Gold" }] },
            { type: "checkbox", key: "ok", label: "OK" },
            { type: "hidden", key: "customerId", label: "Customer" },
          ],
        },
      ],
      mapping: [
        { from: "customer.email", to: "email" },
        { from: "customer.name", to: "fullName" },
        { from: "order.items[1].seats", to: "seats" },
        { from: "start", to: "start" },
        { from: "tier", to: "tier", required: true },
        { from: "flags.ok", to: "ok" },
        { from: "customer.id", to: "customerId" },
      ],
    });
    const payload = samplePayload(definition);
    expect(payload).toMatchObject({ event: { id: "evt_1001" }, order: { items: [null, { seats: 3 }] } });
    const mapped = applyMapping(definition, JSON.parse(JSON.stringify(payload)));
    expect(mapped).toMatchObject({ ok: true, warnings: [] });
    expect(mapped.ok && Object.keys(mapped.values).sort()).toEqual(["customerId", "email", "fullName", "ok", "seats", "start", "tier"]);
  });

  it("falls back to an example customer when nothing is mapped", () => {
    expect(samplePayload(definitionOf({ trigger: { type: "webhook" }, steps: [{ type: "form", id: "s", title: "S", fields: [] }] }))).toEqual({
      customer: { email: "ada@example.com", name: "Ada Lovelace" },
    });
  });
});
