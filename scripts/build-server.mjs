// Bundles server/main.ts (the production entry) into .next/signet-server.mjs, so `npm start`
// runs plain node without tsx. Packages that load native code or WASM, or that Next must own,
// stay external and are loaded from node_modules at run time.
import { build } from "esbuild";

export const SERVER_BUNDLE = ".next/signet-server.mjs";

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
    external: ["next", "next/*", "pg", "@electric-sql/pglite", "@electric-sql/pglite/*", "pglite-prisma-adapter", "@prisma/*", "@node-rs/argon2"],
    // Bundled CommonJS dependencies may call require(); ESM output has none unless given one.
    banner: { js: "import { createRequire as __signetCreateRequire } from 'node:module'; const require = __signetCreateRequire(import.meta.url);" },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
