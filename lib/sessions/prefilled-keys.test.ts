import { describe, expect, it } from "vitest";
import { prefilledKeys } from "./prefilled-keys";

describe("prefilledKeys", () => {
  it("lists the keys that hold a value, in order; anything but an object prefills nothing", () => {
    expect(prefilledKeys({ email: "ada@example.com", seats: 0, vip: false, note: "", gone: null })).toEqual(["email", "seats", "vip", "note"]);
    expect(prefilledKeys({})).toEqual([]);
    expect(prefilledKeys(null)).toEqual([]);
    expect(prefilledKeys(["email"])).toEqual([]);
    expect(prefilledKeys("email")).toEqual([]);
  });
});
