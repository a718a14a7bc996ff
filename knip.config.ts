import type { KnipConfig } from "knip";

// `npm run lint` runs knip after ESLint: no file, export or dependency may go unused. Next's app
// directory, the scripts in package.json, vitest and Playwright are found by knip's plugins;
// the entries below are the ones no plugin can see.
const config: KnipConfig = {
  entry: [
    // npm start runs this, bundled by scripts/build-server.mjs (esbuild's entryPoints).
    "server/main.ts",
    // Forked by bench/bare-target.ts as the "limit" server of npm run bench.
    "bench/bare-server.mjs",
    // Forked by bench/dispatch-bench.ts as the completion-webhook receiver.
    "bench/receiver-server.mjs",
  ],
  // Types for importing build-server.mjs from TypeScript (bench/app-target.ts): read by tsc, imported by no one.
  ignore: ["scripts/build-server.d.mts"],
  // System tools, not npm packages: flock (util-linux) takes the shared e2e/bench lock; the
  // snippet tests run the Java snippet with the JDK's java when it is installed.
  ignoreBinaries: ["flock", "java"],
  // The API reference viewer's prebuilt browser bundle is read from the package's folder by
  // lib/api/api-reference.ts (served as a file, never imported), which no plugin can see.
  ignoreDependencies: ["@scalar/api-reference"],
  // A constant or type exported beside the code that uses it documents the module's contract.
  ignoreExportsUsedInFile: true,
};

export default config;
