import { describe, expect, it } from "vitest";
import { rangeFromParam, rangeWindow, truncate } from "./ranges";

describe("rangeWindow", () => {
  const now = new Date("2026-11-20T10:30:15.250Z");

  it("24h: 24 hourly buckets ending with the current hour", () => {
    const w = rangeWindow("24h", now);
    expect(w.unit).toBe("hour");
    expect(w.bucketStarts).toHaveLength(24);
    expect(w.bucketStarts[23]!.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(w.start.toISOString()).toBe("2026-11-19T11:00:00.000Z");
  });

  it("7d and 30d: daily UTC buckets ending with today", () => {
    expect(rangeWindow("7d", now).bucketStarts.map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]);
    const month = rangeWindow("30d", now);
    expect(month.bucketStarts).toHaveLength(30);
    expect(month.start.toISOString()).toBe("2026-10-22T00:00:00.000Z");
  });

  it("truncates like date_trunc, also exactly on a boundary", () => {
    expect(truncate(new Date("2026-11-20T00:00:00.000Z"), "day").toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(truncate(new Date("2026-11-20T23:59:59.999Z"), "hour").toISOString()).toBe("2026-11-20T23:00:00.000Z");
  });

  it("reads ?range= leniently", () => {
    expect(rangeFromParam("24h")).toBe("24h");
    expect(rangeFromParam(["30d", "7d"])).toBe("30d");
    expect(rangeFromParam("1y")).toBe("7d");
    expect(rangeFromParam(undefined)).toBe("7d");
  });
});
