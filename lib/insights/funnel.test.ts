import { describe, expect, it } from "vitest";
import { buildFunnel } from "./funnel";

describe("buildFunnel", () => {
  it("counts a session as having reached every step up to its current one, and all of them once completed", () => {
    const funnel = buildFunnel(
      [
        { step: 0, completed: false, count: 5 },
        { step: 1, completed: false, count: 3 },
        { step: 2, completed: true, count: 2 },
        // An older version had a fourth step: counted as having reached the last one.
        { step: 3, completed: false, count: 1 },
      ],
      ["Details", "Address", "Confirm"],
    );
    expect(funnel.stages).toEqual([
      { label: "Started · step 1: Details", count: 11 },
      { label: "Reached step 2: Address", count: 6 },
      { label: "Reached step 3: Confirm", count: 3 },
      { label: "Completed", count: 2 },
    ]);
    expect(funnel.completionRate).toBeCloseTo(2 / 11);
  });

  it("has no rate without sessions", () => {
    expect(buildFunnel([], ["Only"])).toEqual({ stages: [{ label: "Started · step 1: Only", count: 0 }, { label: "Completed", count: 0 }], started: 0, completed: 0, completionRate: null });
  });
});
