import { describe, expect, it } from "vitest";
import { csvCell, neutralizeFormula } from "./cells";

describe("CSV cells", () => {
  it.each(["=1+2", "+1 555", "-x", "@SUM(A1)", "\t=1", "\r=1"])("neutralises %j with a leading apostrophe", (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text, numbers and booleans alone", () => {
    expect(csvCell("Ada = Lovelace")).toBe("Ada = Lovelace");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(3.5)).toBe("3.5");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(["-a"])).toBe('["-a"]');
  });
});
