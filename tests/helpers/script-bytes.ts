import type { Browser, Response } from "@playwright/test";

// How much JavaScript a participant's phone downloads to show a session page. Shared by the
// benchmark (bench/session-bundle.ts) and the e2e budget test (e2e/session-budget.spec.ts) so
// both measure the same way.

/** The session page's budget: 200 KiB of JavaScript, uncompressed, at any width. */
export const SESSION_SCRIPT_BUDGET_BYTES = 200 * 1024;

/** Text only builder code contains: finding it in a session page's scripts means a leak. */
export const BUILDER_MARKERS = ["Add field to step", "Save draft", "Add mapping"];

export interface ScriptLoad {
  url: string;
  bytes: number;
  /** The script's source, when asked for (to look for code that must not be there). */
  text?: string;
}

export interface ColdLoad {
  width: number;
  /** Script responses' decoded (uncompressed) bodies plus inline scripts' text, in bytes. */
  scriptBytes: number;
  /** The inline part (scripts in the HTML itself), included in scriptBytes. */
  inlineBytes: number;
  scripts: ScriptLoad[];
  /** Router prefetches the page made (requests carrying Next-Router-Prefetch). */
  prefetches: number;
}

const isScript = (response: Response) =>
  response.request().resourceType() === "script" || /javascript|ecmascript/.test(response.headers()["content-type"] ?? "");

/**
 * Opens `url` in a fresh browser context (empty cache: a cold load) at `width` × 844 px, waits
 * for the load event, for the network to go idle and then for a further quiet second (Next
 * prefetches links after idle, so a prefetch that would pull in another route's chunks is
 * counted), and sums the decoded bodies of the script responses and the inline scripts.
 */
export async function measureColdScriptLoad(browser: Browser, url: string, width: number, options: { bodies?: boolean } = {}): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  try {
    const page = await context.newPage();
    const bodies: Promise<ScriptLoad | null>[] = [];
    let prefetches = 0;
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"] !== undefined) prefetches += 1;
    });
    page.on("response", (response) => {
      if (!isScript(response)) return;
      bodies.push(
        response
          .body()
          .then((body) => ({ url: response.url(), bytes: body.length, ...(options.bodies ? { text: body.toString("utf8") } : {}) }))
          .catch(() => null), // a redirect or an aborted request has no body
      );
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1000); // not a synchronisation: the quiet period after idle is what is measured
    await page.waitForLoadState("networkidle");
    const scripts = (await Promise.all(bodies)).filter((s): s is ScriptLoad => s !== null);
    // JavaScript in the page itself counts too (JSON data blocks do not run, so they don't).
    const inlineBytes = await page.evaluate(() =>
      Array.from(document.scripts)
        .filter((script) => !script.src && !/json/i.test(script.type))
        .reduce((sum, script) => sum + new TextEncoder().encode(script.textContent ?? "").byteLength, 0),
    );
    return { width, scriptBytes: scripts.reduce((sum, s) => sum + s.bytes, 0) + inlineBytes, inlineBytes, scripts, prefetches };
  } finally {
    await context.close();
  }
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
