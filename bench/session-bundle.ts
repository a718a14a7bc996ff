// The session page's JavaScript budget (issue 12): participants open /s/{token} on phones, so a
// cold load of a two-field session must fetch at most 200 KiB of JavaScript (uncompressed) at
// 390 px and at 1280 px, with nothing prefetched and no builder code in what it loads.
// Runs the built app on the embedded database, starts a session from a published workflow's
// direct link and measures it in chromium (tests/helpers/script-bytes.ts, shared with the e2e
// budget test).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { serverNodeArgs } from "../scripts/build-server.mjs";
import { BUILDER_MARKERS, kib, measureColdScriptLoad, SESSION_SCRIPT_BUDGET_BYTES, type ColdLoad } from "../tests/helpers/script-bytes";
import { api, appEnv, cli, log, stop, waitForApp } from "./app-process";
import type { Check } from "./report";

export interface SessionBundleRun {
  loads: (Omit<ColdLoad, "scripts"> & { scripts: number; builderMarkers: string[]; prefetches: number })[];
  budgetBytes: number;
}

export async function runSessionBundle(options: { port: number }): Promise<SessionBundleRun> {
  const dataDir = mkdtempSync(join(tmpdir(), "signet-bench-bundle-"));
  const base = `http://127.0.0.1:${options.port}`;
  const env = appEnv({ base, dataDir, databaseUrl: "", port: options.port });
  let child: ChildProcess | undefined;
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const browser = await chromium.launch({ executablePath: existsSync(chromiumPath) ? chromiumPath : undefined, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const email = `bench-${randomBytes(4).toString("hex")}@example.com`;
    cli(env, ["user:create", "--email", email, "--password", randomBytes(18).toString("base64url")]);
    const token = cli(env, ["token:create", "--email", email, "--name", "bench"]);
    child = spawn(process.execPath, serverNodeArgs(env), { env, stdio: ["ignore", "ignore", "inherit"] });
    await waitForApp(base, child);
    const workflow = await api(base, token, "/workflows", {
      name: "Bundle",
      definition: {
        trigger: { type: "webhook" }, // HMAC off by default: the direct link starts sessions
        steps: [{ type: "form", id: "details", title: "Your details", fields: [
          { key: "email", label: "Email", type: "email", required: true },
          { key: "name", label: "Name", type: "text" },
        ] }],
        mapping: [],
      },
    });
    await api(base, token, `/workflows/${String(workflow.id)}/publish`);

    const loads: SessionBundleRun["loads"] = [];
    for (const width of [390, 1280]) {
      // A new session per width: the page is measured as a participant first opens it.
      const started = await fetch(String(workflow.directLinkUrl), { redirect: "manual" });
      const sessionUrl = started.headers.get("location");
      if (started.status !== 303 || !sessionUrl) throw new Error(`direct link answered ${started.status}`);
      const load = await measureColdScriptLoad(browser, sessionUrl, width, { bodies: true });
      const builderMarkers = BUILDER_MARKERS.filter((marker) => load.scripts.some((s) => s.text?.includes(marker)));
      loads.push({ width, scriptBytes: load.scriptBytes, inlineBytes: load.inlineBytes, scripts: load.scripts.length, builderMarkers, prefetches: load.prefetches });
      log("session_bundle", { width, scriptBytes: load.scriptBytes, scripts: load.scripts.length, prefetches: load.prefetches });
    }
    return { loads, budgetBytes: SESSION_SCRIPT_BUDGET_BYTES };
  } finally {
    await browser.close();
    if (child) await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function checkSessionBundle(run: SessionBundleRun): Check[] {
  return run.loads.flatMap((load) => [
    {
      name: `session page at ${load.width} px: ≤ ${kib(run.budgetBytes)} of JavaScript`,
      ok: load.scriptBytes <= run.budgetBytes,
      detail: `${kib(load.scriptBytes)} in ${load.scripts} scripts`,
    },
    {
      name: `session page at ${load.width} px: nothing prefetched, no builder code`,
      ok: load.prefetches === 0 && load.builderMarkers.length === 0,
      detail: `${load.prefetches} prefetches${load.builderMarkers.length ? `; builder text found: ${load.builderMarkers.join(", ")}` : ""}`,
    },
  ]);
}
