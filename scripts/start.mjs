// `npm start`: builds the app when the build is missing or older than the source, then serves
// it. One command from a fresh clone gives a running app on the embedded database.
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const STAMP = ".next/signet-source-stamp";

function sourceStamp() {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=all", "--", "app", "components", "lib", "public", "next.config.ts", "package.json", "proxy.ts", "instrumentation.ts"], { encoding: "utf8" });
  if (head.status !== 0) return null; // not a git checkout: trust an existing build
  return createHash("sha256").update(head.stdout).update(dirty.stdout).digest("hex");
}

const stamp = sourceStamp();
const built = existsSync(".next/BUILD_ID");
const stale = !built || (stamp !== null && (!existsSync(STAMP) || readFileSync(STAMP, "utf8") !== stamp));
if (stale || process.env.SIGNET_REBUILD === "1") {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", event: "build_started" }));
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
  if (stamp) writeFileSync(STAMP, stamp);
}

const port = process.env.PORT ?? "3000";
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", port, "-H", hostname], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
