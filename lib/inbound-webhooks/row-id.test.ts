import { describe, expect, it } from "vitest";
import { newRowId, newSessionToken } from "./row-id";

describe("row ids and session tokens for batched rows", () => {
  it("ids look like Prisma's cuids, are unique, and sort by time", () => {
    const ids = Array.from({ length: 5000 }, () => newRowId());
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newRowId(Date.now() - 1000) < newRowId()).toBe(true);
  });

  it("tokens are 256-bit base64url and never repeat, across refills of the random pool", () => {
    const tokens = Array.from({ length: 2000 }, () => newSessionToken());
    for (const token of tokens) expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(new Set(tokens).size).toBe(tokens.length);
    // No two tokens share a 16-byte window: a reused pool byte range would show up here.
    const halves = new Set(tokens.flatMap((t) => [t.slice(0, 21), t.slice(22)]));
    expect(halves.size).toBe(tokens.length * 2);
  });
});
