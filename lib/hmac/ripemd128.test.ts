import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ripemd128, ripemd128 } from "./ripemd128";

// Reference digests from the RIPEMD page of Antoon Bosselaers, KU Leuven
// (https://homes.esat.kuleuven.be/~bosselae/ripemd160.html, "RIPEMD-128" test vectors), as also
// carried by sphlib (src/test/main/java/fr/cryptohash/test/TestRIPEMD128.java).
const REFERENCE: [string, string][] = [
  ["", "cdf26213a150dc3ecb610f18f6b38b46"],
  ["a", "86be7afa339d0fc7cfc785e72f578d33"],
  ["abc", "c14a12199c66e4ba84636b0f69144c77"],
  ["message digest", "9e327b3d6e523062afc1132d7df9d1b8"],
  ["abcdefghijklmnopqrstuvwxyz", "fd2aa607f71dc8f510714922b371834e"],
  ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "a1aa0689d0fafa2ddc22e88b49133a06"],
  ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d1e959eb179c911faea4624c60c5c702"],
  ["1234567890".repeat(8), "3f45ef194732c2dbb2c4a2c769795fa3"],
];

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("RIPEMD-128", () => {
  it.each(REFERENCE)("hashes %j to the reference digest", (message, digest) => {
    expect(hex(ripemd128(Buffer.from(message, "latin1")))).toBe(digest);
  });

  it("hashes a million 'a' to the reference digest, fed in uneven chunks", () => {
    const h = new Ripemd128();
    const chunk = Buffer.alloc(999, "a");
    let left = 1_000_000;
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      h.update(chunk.subarray(0, n));
      left -= n;
    }
    expect(hex(h.digest())).toBe("4a7f5723f954eba1216c9d8f6320431f");
  });

  it("gives the same digest however the input is split", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 5 }), (data, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
        const h = new Ripemd128();
        let last = 0;
        for (const p of [...points, data.length]) {
          h.update(data.subarray(last, p));
          last = p;
        }
        expect(hex(h.digest())).toBe(hex(ripemd128(data)));
      }),
    );
  });

  it("refuses to be used after digest", () => {
    const h = new Ripemd128();
    h.digest();
    expect(() => h.update(new Uint8Array(1))).toThrow(/finalised/);
  });
});
