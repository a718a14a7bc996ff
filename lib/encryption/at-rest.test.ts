import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretDecryptionError, decryptSecret, encryptSecret, encryptionKeyIdOf } from "./at-rest";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };

describe("secret encryption at rest", () => {
  it("round-trips and names the key, with a fresh IV each time", () => {
    const a = encryptSecret("whsec_secret", k1);
    const b = encryptSecret("whsec_secret", k1);
    expect(a).not.toBe(b);
    expect(a).not.toContain("whsec_secret");
    expect(a.startsWith("v1.k1.")).toBe(true);
    expect(encryptionKeyIdOf(a)).toBe("k1");
    expect(decryptSecret(a, [k2, k1])).toBe("whsec_secret");
  });

  it("after an app-key rotation, old ciphertexts still decrypt with the old key listed", () => {
    const old = encryptSecret("s3cret", k1);
    expect(decryptSecret(old, [k2, k1])).toBe("s3cret");
    expect(() => decryptSecret(old, [k2])).toThrow(/"k1", which is not configured/);
  });

  it("detects tampering with the ciphertext, tag, IV or key id", () => {
    const c = encryptSecret("s3cret", k1);
    const parts = c.split(".");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const i of [2, 3, 4]) {
      const t = [...parts];
      t[i] = flip(t[i]!);
      expect(() => decryptSecret(t.join("."), [k1])).toThrow(SecretDecryptionError);
    }
    // Same key material under another id: the id is authenticated, so this fails too.
    const relabelled = ["v1", "k9", ...parts.slice(2)].join(".");
    expect(() => decryptSecret(relabelled, [{ id: "k9", key: k1.key }])).toThrow(/altered/);
    expect(() => decryptSecret("garbage", [k1])).toThrow(/Not an encrypted/);
  });

  it("refuses keys that are not 32 bytes or ids that would break the format", () => {
    expect(() => encryptSecret("x", { id: "k", key: randomBytes(16) })).toThrow(/32 bytes/);
    expect(() => encryptSecret("x", { id: "a.b", key: randomBytes(32) })).toThrow(/key id/);
  });
});
