import { describe, expect, it } from "vitest";
import { fieldHeaders } from "./columns";

describe("export headers", () => {
  it("name field columns by label, adding the key where two labels are the same, or by key", () => {
    const cols = [
      { key: "email", label: "Email", hidden: false },
      { key: "work", label: "Email", hidden: false },
      { key: "name", label: "Name", hidden: true },
    ];
    expect(fieldHeaders(cols, "labels")).toEqual(["Email (email)", "Email (work)", "Name"]);
    expect(fieldHeaders(cols, "keys")).toEqual(["email", "work", "name"]);
  });
});
