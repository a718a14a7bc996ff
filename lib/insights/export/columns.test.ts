import { describe, expect, it } from "vitest";
import { parseDefinition } from "@/lib/workflows/definition";
import { fieldColumns, fieldHeaders } from "./columns";

const def = (fields: { key: string; label: string }[][]) => {
  const parsed = parseDefinition({
    trigger: { type: "webhook", hmac: { enabled: false, scheme: "prefixed-hex" } },
    steps: fields.map((f, i) => ({ type: "form", id: `s${i}`, title: `S${i}`, fields: f.map((x) => ({ ...x, type: "text" })) })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
};

describe("export columns", () => {
  it("follow the first definition's form order, then fields only other definitions have", () => {
    const current = def([[{ key: "b", label: "B" }], [{ key: "a", label: "A" }]]);
    const older = def([[{ key: "a", label: "Old A" }, { key: "gone", label: "Gone" }]]);
    expect(fieldColumns([current, older])).toEqual([{ key: "b", label: "B" }, { key: "a", label: "A" }, { key: "gone", label: "Gone" }]);
  });

  it("name columns by label, adding the key where two labels are the same", () => {
    const cols = [{ key: "email", label: "Email" }, { key: "work", label: "Email" }, { key: "name", label: "Name" }];
    expect(fieldHeaders(cols, "labels")).toEqual(["Email (email)", "Email (work)", "Name"]);
    expect(fieldHeaders(cols, "keys")).toEqual(["email", "work", "name"]);
  });
});
