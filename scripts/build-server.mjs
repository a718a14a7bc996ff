// Bundles server/main.ts (the production entry) into .next/signet-server.mjs, so `npm start`
// runs plain node without tsx. Packages that load native code or WASM, or that Next must own,
// stay external and are loaded from node_modules at run time.
import { build } from "esbuild";

export const SERVER_BUNDLE = ".next/signet-server.mjs";

/**
 * How to run the bundle: node's arguments. The old-generation cap (SIGNET_HEAP_MB, default
 * 512) is there because V8 sizes its collection schedule by it: with the default cap (a
 * quarter of the machine's memory, up to 4 GiB) a webhook burst let the heap float to
 * ~440 MiB of RSS; with 512 it stays under ~300 MiB at the same throughput (see
 * docs/performance.md). A --max-old-space-size in NODE_OPTIONS wins.
 */
export function serverNodeArgs(env = process.env) {
  const own = /--max-old-space-size/.test(env.NODE_OPTIONS ?? "");
  const heapMb = Number(env.SIGNET_HEAP_MB ?? 512);
  if (!own && !(Number.isInteger(heapMb) && heapMb >= 128)) throw new Error("SIGNET_HEAP_MB must be a whole number of MiB, at least 128");
  return [...(own ? [] : [`--max-old-space-size=${heapMb}`]), SERVER_BUNDLE];
}

export async function buildServer() {
  await build({
    entryPoints: ["server/main.ts"],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: "tsconfig.json",
    sourcemap: "linked",
    logLevel: "warning",
    external: ["next", "next/*", "pg", "pg-boss", "undici", "@electric-sql/pglite", "@electric-sql/pglite/*", "pglite-prisma-adapter", "@prisma/*", "@node-rs/argon2", "prom-client"],
    // Bundled CommonJS dependencies may call require(); ESM output has none unless given one.
    banner: { js: "import { createRequire as __signetCreateRequire } from 'node:module'; const require = __signetCreateRequire(import.meta.url);" },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
