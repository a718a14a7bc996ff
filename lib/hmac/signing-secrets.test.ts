import { describe, expect, it } from "vitest";
import { assessSecretStrength } from "./secret-strength";
import { secretFitProblem, secretRule } from "./secret-rules";
import { KEY_BYTES_RULE, formatsFor, generateSecret, keyBytesRule, secretKeyBytes, secretLast4, validatePastedSecret } from "./signing-secrets";

describe("generateSecret", () => {
  it("whsec_ + base64 of 32 random bytes, different each time", () => {
    const a = generateSecret("whsec");
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(generateSecret("whsec")).not.toBe(a);
    expect(validatePastedSecret(a, ["standard-webhooks", "prefixed-hex"])).toEqual({ ok: true, value: a, warnings: [] });
  });

  it("a 20-character alphanumeric form, which Standard Webhooks cannot use", () => {
    const s = generateSecret("alphanumeric");
    expect(s).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(validatePastedSecret(s, ["stripe"]).ok).toBe(true);
    expect(validatePastedSecret(s, ["standard-webhooks"]).ok).toBe(false);
    expect(formatsFor("standard-webhooks")).toEqual(["whsec"]);
    expect(formatsFor("github")).toEqual(["whsec", "alphanumeric"]);
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
  ])("rejects %j", (raw, error) => {
    const r = validatePastedSecret(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(error);
  });

  it("accepts inner spaces with a warning (GitHub's documented secret has them)", () => {
    const r = validatePastedSecret("It's a Secret to Everybody");
    expect(r.ok && r.warnings.some((w) => /spaces/.test(w))).toBe(true);
  });

  it("checks the key rule of every scheme it must serve: Standard Webhooks wants whsec_ + base64 of 24–64 bytes", () => {
    const ofBytes = (n: number) => "whsec_" + Buffer.alloc(n, 7).toString("base64");
    for (const [value, problem] of [
      ["my-super-long-company-secret-2026!", /does not start with whsec_/],
      ["whsec_not*base64!", /not base64/],
      [ofBytes(16), /decodes to 16 bytes/],
      [ofBytes(65), /decodes to 65 bytes/],
    ] as const) {
      expect(validatePastedSecret(value, ["standard-webhooks"])).toEqual({ ok: false, error: expect.stringMatching(problem) });
      expect(validatePastedSecret(value, ["prefixed-hex", "stripe"]).ok).toBe(true);
    }
    for (const n of [24, 32, 64]) expect(secretFitProblem("standard-webhooks", ofBytes(n))).toBeNull();
    expect(secretRule("standard-webhooks")).toMatch(/whsec_ followed by base64 of 24–64 bytes/);
  });
});

describe("assessSecretStrength", () => {
  it.each(["a".repeat(36), "password1234567890", "my-shared-secret", "0123456789abcdef0123456789abcdef"])("refuses %j (below 64 bits)", async (secret) => {
    const strength = await assessSecretStrength(secret);
    expect(strength).toMatchObject({ verdict: "refuse", message: expect.stringContaining("at least 64") });
    expect(strength.bits).toBeLessThan(64);
  });

  it("warns between 64 and 128 bits and accepts a generated secret", async () => {
    expect(await assessSecretStrength("Xk9pQ2mZ7rT4vB8nL1wE")).toMatchObject({ verdict: "warn", message: expect.stringContaining("128") });
    expect(await assessSecretStrength(generateSecret("whsec"))).toMatchObject({ verdict: "ok" });
  });
});

describe("key bytes", () => {
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
