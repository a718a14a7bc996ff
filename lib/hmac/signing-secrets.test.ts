import { describe, expect, it } from "vitest";
import { KEY_BYTES_RULE, estimateSecretBits, generateSecret, keyBytesRule, secretKeyBytes, secretLast4, validatePastedSecret } from "./signing-secrets";

describe("generateSecret", () => {
  it("whsec_ + base64 of 32 random bytes, different each time", () => {
    const a = generateSecret("whsec");
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(generateSecret("whsec")).not.toBe(a);
    expect(validatePastedSecret(a)).toEqual({ ok: true, value: a, warnings: [] });
  });

  it("a 20-character alphanumeric form (flagged as under 128 bits when pasted back)", () => {
    const s = generateSecret("alphanumeric");
    expect(s).toMatch(/^[A-Za-z0-9]{20}$/);
    const result = validatePastedSecret(s);
    expect(result.ok && result.warnings.join()).toMatch(/119 bits/);
  });

  it("spreads alphanumeric characters over the whole alphabet", () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateSecret("alphanumeric")).join(""));
    expect(seen.size).toBe(62);
  });
});

describe("validatePastedSecret", () => {
  it("trims surrounding whitespace and says so", () => {
    const r = validatePastedSecret("  8f742231b10e8888abcd99yyyzzz85a5\n");
    expect(r).toMatchObject({ ok: true, value: "8f742231b10e8888abcd99yyyzzz85a5" });
    expect(r.ok && r.warnings[0]).toMatch(/whitespace/);
  });

  it.each([
    ["", /empty/],
    ["short", /at least 8/],
    ["x".repeat(513), /at most 512/],
    ["abc\tdefghij", /control/],
    ["abcdéfghijkl", /ASCII/],
    ["whsec_not*base64!", /base64/],
  ])("rejects %j", (raw, error) => {
    const r = validatePastedSecret(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(error);
  });

  it("accepts inner spaces with a warning (GitHub's documented secret has them)", () => {
    const r = validatePastedSecret("It's a Secret to Everybody");
    expect(r.ok && r.warnings.some((w) => /spaces/.test(w))).toBe(true);
  });

  it("warns under 128 bits", () => {
    expect(estimateSecretBits("0123456789abcdef0123456789abcdef")).toBe(128);
    const weak = validatePastedSecret("0123456789abcdef");
    expect(weak.ok && weak.warnings.join()).toMatch(/64 bits/);
  });
});

describe("key bytes (SPEC §3)", () => {
  const whsec = "whsec_" + Buffer.from("sixteen byte key").toString("base64");
  it("UTF-8 of the whole secret, whsec_ included, for every scheme but Standard Webhooks", () => {
    for (const scheme of ["prefixed-hex", "plain-hex", "stripe", "slack", "github", "shopify", "custom"] as const) {
      expect(Buffer.from(secretKeyBytes(scheme, whsec)).toString("utf8")).toBe(whsec);
    }
  });
  it("base64-decoded bytes after whsec_ for Standard Webhooks", () => {
    expect(Buffer.from(secretKeyBytes("standard-webhooks", whsec)).toString("utf8")).toBe("sixteen byte key");
    expect(() => secretKeyBytes("standard-webhooks", "whsec_***")).toThrow(/base64/);
  });
  it("has a sentence per scheme for the UI", () => {
    expect(Object.keys(KEY_BYTES_RULE)).toHaveLength(8);
    expect(keyBytesRule("standard-webhooks")).toMatch(/base64-decoded/);
    expect(keyBytesRule("stripe")).toMatch(/exactly as shown/);
  });
  it("shows only the last 4 characters", () => {
    expect(secretLast4("whsec_abcdefgh")).toBe("efgh");
  });
});
