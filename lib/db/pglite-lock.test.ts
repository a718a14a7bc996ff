import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseInUseError, lockPgliteDir, startTimeOf } from "./pglite-lock";

// The pid file that keeps a second process off an embedded database directory.
describe.runIf(process.platform === "linux")("lockPgliteDir", () => {
  let root: string;
  let dir: string;
  let other: ChildProcess;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "signet-lock-"));
    dir = join(root, "pglite");
    other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
  });
  afterEach(() => {
    other.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("records this process and removes the file on release", () => {
    const release = lockPgliteDir(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(`${process.pid} ${startTimeOf(process.pid)}`);
    release();
    expect(() => readFileSync(`${dir}.lock`)).toThrow();
  });

  it("refuses while another live process holds it", () => {
    writeFileSync(`${dir}.lock`, `${other.pid} ${startTimeOf(other.pid!)}`);
    expect(() => lockPgliteDir(dir)).toThrow(`in use by process ${other.pid}`);
    expect(() => lockPgliteDir(dir)).toThrow(DatabaseInUseError);
    // A bare pid (older lock files) of a live process is honoured too.
    writeFileSync(`${dir}.lock`, String(other.pid));
    expect(() => lockPgliteDir(dir)).toThrow(`in use by process ${other.pid}`);
  });

  it("takes over from a dead holder, and from a live process that merely reuses its pid", () => {
    writeFileSync(`${dir}.lock`, "999999999 12345");
    lockPgliteDir(dir)();
    // Same pid, different start time: the recorded process is gone, its pid was recycled.
    writeFileSync(`${dir}.lock`, `${other.pid} 1`);
    const release = lockPgliteDir(dir);
    expect(readFileSync(`${dir}.lock`, "utf8").startsWith(`${process.pid} `)).toBe(true);
    release();
  });
});
