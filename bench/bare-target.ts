import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { ZHmacSettings } from "../lib/hmac/schemas";
import { generateSecret, secretKeyBytes } from "../lib/hmac/signing-secrets";
import { runLoad, signedPool, type LoadResult } from "./load";
import { sampleRss } from "./rss";

// The limit: the same signed 1 KiB requests against bench/bare-server.mjs (verify only).

export interface BareRun extends LoadResult {
  rssMaxMiB: number;
}

export async function runBare(options: { port: number; connections: number; warmupSec: number; durationSec: number }): Promise<BareRun> {
  const settings = ZHmacSettings.parse({ enabled: true, scheme: "standard-webhooks" });
  const secret = generateSecret();
  const key = Buffer.from(secretKeyBytes("standard-webhooks", secret)).toString("base64");
  const child = fork("bench/bare-server.mjs", [], { env: { ...process.env, PORT: String(options.port), BENCH_KEY: key }, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
    });
    // The bare server keeps nothing, so a small pool sent round and round is enough.
    const pool = signedPool(2000, settings, secret, randomBytes(4).toString("hex"));
    const url = `http://127.0.0.1:${options.port}/api/hooks/bare`;
    await runLoad({ url, connections: options.connections, durationSec: options.warmupSec, pool, cycle: true });
    const rss = sampleRss(child.pid!);
    const load = await runLoad({ url, connections: options.connections, durationSec: options.durationSec, pool, cycle: true });
    return { ...load, rssMaxMiB: rss.stop() };
  } finally {
    child.kill("SIGTERM");
  }
}
