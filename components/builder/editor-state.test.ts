import { describe, expect, it } from "vitest";
import { ZWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { defaultDefinition } from "@/lib/workflows/definition/default-definition";
import { fieldKeyFor, newField, newStep, optionValueFor, relabelField, relabelOption, retitleStep, stepIdFor } from "./editor-state";

describe("keys, step ids and option values derived from labels", () => {
  it("turns labels into valid, unique identifiers", () => {
    expect(fieldKeyFor("Full name", new Set())).toBe("fullName");
    expect(fieldKeyFor("Straße & Nr.", new Set())).toBe("strasseAndNr");
    expect(fieldKeyFor("2nd address", new Set())).toBe("field2ndAddress");
    expect(fieldKeyFor("", new Set(["field"]))).toBe("field2");
    expect(fieldKeyFor("Email", new Set(["email", "email2"]))).toBe("email3");
    expect(stepIdFor("Your plan!", new Set())).toBe("your-plan");
    expect(stepIdFor("Your plan", new Set(["your-plan"]))).toBe("your-plan-2");
    expect(optionValueFor("Pro plan", new Set())).toBe("pro-plan");
    expect(optionValueFor("", new Set())).toBe("option");
  });

  it("lets a derived key follow its label, but not a key typed by hand or a published one", () => {
    const field = newField(defaultDefinition());
    const typed = ["F", "Fu", "Full", "Full name"].reduce((f, label) => relabelField(f, label, new Set(["email"]), false), field);
    expect(typed.key).toBe("fullName");
    expect(relabelField({ ...typed, key: "name" }, "Your name", new Set(), false).key).toBe("name");
    expect(relabelField(typed, "Name", new Set(), true).key).toBe("fullName");
    expect(retitleStep(newStep(defaultDefinition()), "Your plan", new Set(["details"])).id).toBe("your-plan");
    const options = relabelOption([{ label: "Option 1", value: "option-1" }], 0, "Pro", false);
    expect(options).toEqual([{ label: "Pro", value: "pro" }]);
    expect(relabelOption(options, 0, "Premium", true)).toEqual([{ label: "Premium", value: "pro" }]);
  });

  it("derives what the definition schema accepts", () => {
    const definition = defaultDefinition();
    const step = retitleStep(newStep(definition), "Ünïcode ✓ step", new Set(definition.steps.map((s) => s.id)));
    const field = relabelField(step.fields[0]!, "Ünïcode ✓ field", new Set(["email"]), false);
    const parsed = ZWorkflowDefinition.safeParse({ ...definition, steps: [...definition.steps, { ...step, fields: [field] }] });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});
