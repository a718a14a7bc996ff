import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyOf, vectors } from "./__fixtures__/vectors";
import { ALGORITHMS, algorithmBackend, createMac, digestLength, hash, hmac, isLegacyAlgorithm, ownHmacForTesting } from "./algorithms";
import { ripemd160 } from "./ripemd160";

describe("published vectors", () => {
  it.each(vectors.ripemd128.map((v) => [v.data, v.digest_hex, v.source]))("RIPEMD-128(%j) = %s (%s)", (data, digest) => {
    expect(hash("ripemd128", data).toString("hex")).toBe(digest);
  });

  it.each(vectors.hmac_ripemd128.map((v) => [v.source, v]))("HMAC-RIPEMD-128: %s", (_source, v) => {
    expect(hmac("ripemd128", keyOf(v), v.data).toString("hex")).toBe(v.mac_hex);
  });

  it.each(vectors.hmac_ripemd160.map((v) => [v.source, v]))("HMAC-RIPEMD-160: %s, with Node's and with Signet's hash", (_source, v) => {
    expect(hmac("ripemd160", keyOf(v), v.data).toString("hex")).toBe(v.mac_hex);
    expect(ownHmacForTesting("ripemd160", keyOf(v)).update(v.data).digest().toString("hex")).toBe(v.mac_hex);
  });
});

describe("algorithms", () => {
  it("reports digest lengths and flags the legacy ones", () => {
    expect(Object.fromEntries(Object.keys(ALGORITHMS).map((a) => [a, digestLength(a as keyof typeof ALGORITHMS)]))).toEqual({
      sha256: 32, sha384: 48, sha512: 64, sha1: 20, ripemd128: 16, ripemd160: 20,
    });
    expect(isLegacyAlgorithm("sha1")).toBe(true);
    expect(isLegacyAlgorithm("sha256")).toBe(false);
    expect(algorithmBackend("ripemd128")).toBe("signet");
  });

  it("matches Node's HMAC for every algorithm Node has, chunks fed separately", () => {
    fc.assert(
      fc.property(fc.constantFrom("sha256", "sha384", "sha512", "sha1", "ripemd160" as const), fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), fc.nat(300), (alg, key, data, cut) => {
        const at = cut % (data.length + 1);
        const ours = hmac(alg, key, data.subarray(0, at), data.subarray(at));
        expect(ours.toString("hex")).toBe(createHmac(alg, key).update(data).digest("hex"));
      }),
    );
  });

  it("Signet's RIPEMD-160 (the fallback when OpenSSL lacks it) equals Node's, hash and HMAC", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 400 }), (key, data) => {
        expect(Buffer.from(ripemd160(data)).toString("hex")).toBe(createHash("ripemd160").update(data).digest("hex"));
        expect(ownHmacForTesting("ripemd160", key).update(data).digest().toString("hex")).toBe(createHmac("ripemd160", key).update(data).digest("hex"));
      }),
    );
  });

  it("hashes keys longer than a block first (RFC 2104) for RIPEMD-128", () => {
    const long = Buffer.alloc(100, 7);
    const hashed = hash("ripemd128", long);
    expect(hmac("ripemd128", long, "x").equals(hmac("ripemd128", hashed, "x"))).toBe(true);
  });

  it("streams strings as UTF-8", () => {
    expect(createMac("ripemd128", "k").update("é").digest().equals(hmac("ripemd128", Buffer.from("k"), Buffer.from("é", "utf8")))).toBe(true);
  });
});
