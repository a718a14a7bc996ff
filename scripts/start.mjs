// `npm start`: builds the app when the build is missing or older than the source, then serves
// it. One command from a fresh clone gives a running app on the embedded database.
// `node scripts/start.mjs --build-only` builds (when stale) and exits: the benchmark uses it.
// The server is server/main.ts, bundled into .next/signet-server.mjs: webhooks are served
// beside Next's router in the same process (see docs/performance.md).
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { buildServer, SERVER_BUNDLE, serverNodeArgs } from "./build-server.mjs";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const STAMP = ".next/signet-source-stamp";
const SERVER_STAMP = ".next/signet-server-stamp";
const APP_SOURCES = ["app", "components", "lib", "pages", "public", "next.config.ts", "package.json", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"];
const SERVER_SOURCES = [...APP_SOURCES, "server", "scripts/build-server.mjs", "tsconfig.json"];

// HEAD plus the content of every uncommitted change (a file edited twice must change the
// stamp twice, so `git status` alone is not enough).
function sourceStamp(paths) {
  const git = (args) => spawnSync("git", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const head = git(["rev-parse", "HEAD"]);
  if (head.status !== 0) return null; // not a git checkout: trust an existing build
  const hash = createHash("sha256").update(head.stdout).update(git(["diff", "HEAD", "--binary", "--", ...paths]).stdout);
  for (const file of git(["ls-files", "--others", "--exclude-standard", "-z", "--", ...paths]).stdout.split("\0").filter(Boolean)) {
    hash.update(file).update("\0");
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

function isStale(output, stampFile, stamp) {
  return !existsSync(output) || (stamp !== null && (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp));
}

const log = (event) => console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", event }));

const stamp = sourceStamp(APP_SOURCES);
const rebuild = process.env.SIGNET_REBUILD === "1";
if (rebuild || isStale(".next/BUILD_ID", STAMP, stamp)) {
  log("build_started");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
  if (stamp) writeFileSync(STAMP, stamp);
}
const serverStamp = sourceStamp(SERVER_SOURCES);
if (rebuild || isStale(SERVER_BUNDLE, SERVER_STAMP, serverStamp)) {
  log("server_build_started");
  await buildServer();
  if (serverStamp) writeFileSync(SERVER_STAMP, serverStamp);
}
if (process.argv.includes("--build-only")) process.exit(0);

const server = spawn(process.execPath, serverNodeArgs(), {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
