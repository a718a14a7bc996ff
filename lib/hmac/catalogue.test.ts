import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALGORITHMS } from "./algorithms";
import { ALGORITHM_CATALOGUE, ALGORITHM_OPTIONS, SCHEME_CATALOGUE, SCHEME_OPTIONS } from "./catalogue";
import { ZHmacAlgorithm, ZHmacSettings } from "./schemas";
import { SCHEMES } from "./schemes";

describe("the HMAC catalogue", () => {
  it("is what the engine's scheme modules and algorithms use", () => {
    for (const [scheme, module] of Object.entries(SCHEMES)) {
      const entry = SCHEME_CATALOGUE[scheme as keyof typeof SCHEME_CATALOGUE];
      expect(module.keyBytes, scheme).toBe(entry.keyBytes);
      expect(module.needs, scheme).toBe(entry.needs);
    }
    for (const algorithm of ZHmacAlgorithm.options) {
      expect(ALGORITHMS[algorithm].legacy).toBe(ALGORITHM_CATALOGUE[algorithm].legacy);
      expect(ALGORITHMS[algorithm].label.startsWith(ALGORITHM_CATALOGUE[algorithm].name)).toBe(true);
    }
  });

  it("lists every scheme and algorithm once, in the pickers' order", () => {
    expect(SCHEME_OPTIONS.map((o) => o.value).sort()).toEqual(ZHmacSettings.options.map((o) => o.shape.scheme.value).sort());
    expect(ALGORITHM_OPTIONS.map((o) => o.value)).toEqual(ZHmacAlgorithm.options);
    expect(ALGORITHM_OPTIONS.find((o) => o.value === "ripemd128")?.label).toBe("RIPEMD-128 (legacy, weak)");
  });

  it("stays client-safe: it imports nothing but the schemas (no node:crypto in the browser bundle)", () => {
    const source = readFileSync(join(import.meta.dirname, "catalogue.ts"), "utf8");
    expect([...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1])).toEqual(["./schemas"]);
  });
});
