import { describe, expect, it } from "vitest";
import type { TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { defaultDefinition } from "@/lib/workflows/definition/default-definition";
import { previewValues } from "./preview-values";

const definition: TWorkflowDefinition = {
  ...defaultDefinition(),
  steps: [
    {
      type: "form",
      id: "details",
      title: "Your details",
      fields: [
        { type: "email", key: "email", label: "Email", required: true },
        { type: "number", key: "seats", label: "Seats", required: false },
      ],
    },
  ],
  mapping: [
    { from: "customer.email", to: "email", required: true },
    { from: "order.seats", to: "seats" },
  ],
};

describe("the preview's sample values", () => {
  it("are the payload through the draft's mapping, coerced as a session's would be", () => {
    expect(previewValues(definition, { customer: { email: "ada@example.com" }, order: { seats: "3" } })).toEqual({ email: "ada@example.com", seats: 3 });
  });

  it("leave out what is missing even where the mapping is strict, and are empty without a payload", () => {
    expect(previewValues(definition, { order: { seats: 2 } })).toEqual({ seats: 2 });
    expect(previewValues(definition, null)).toEqual({});
  });
});
