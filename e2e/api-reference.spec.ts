import type { Request } from "@playwright/test";
import { attachScreenshot, expectNoHorizontalOverflow, WIDTHS } from "./checks";
import { expect, test } from "./fixtures";

// The "management API" link opens a readable reference rendered from /api/v1/openapi.json by
// a viewer the app serves itself: nothing is fetched from another origin, it runs under its
// page's CSP (scripts only with the nonce; no eval), and no other page loads the viewer.

for (const width of WIDTHS) {
  test(`the API reference renders the OpenAPI document from the app alone at ${width} px`, async ({ page, builder }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    const foreign: string[] = [];
    const origin = new URL(page.url()).origin;
    page.on("request", (request: Request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) foreign.push(request.url());
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    await page.goto(`/workspaces/${builder.workspaceId}/settings/tokens`);
    await page.getByRole("link", { name: "management API" }).click();
    await expect(page).toHaveURL(/\/docs\/api$/);
    await expect(page.getByRole("heading", { name: "Signet management API" }).first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("List the workspace's workflows").first()).toBeVisible();
    await expectNoHorizontalOverflow(page, `API reference @${width}px`);
    await attachScreenshot(page, testInfo, `API reference @${width}px`, false); // the page is very long

    expect(foreign, "requests to other origins").toEqual([]);
    // The viewer probes once whether eval is allowed (new Function, in a try/catch); the policy
    // refuses it, and that refusal is the only report.
    expect(violations.filter((v) => !/unsafe-eval/.test(v))).toEqual([]);
    const csp = (await page.request.get("/docs/api")).headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
  });
}

test("the viewer is served by the app, cacheable by content hash, and no other page loads it", async ({ page, builder }) => {
  const html = await (await page.request.get("/docs/api")).text();
  const src = /<script src="([^"]+scalar\.js\?v=[0-9a-f]{16})"/.exec(html)?.[1];
  expect(src).toBeDefined();
  const script = await page.request.get(src!);
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toContain("javascript");
  expect(script.headers()["cache-control"]).toContain("immutable");

  const loaded: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") loaded.push(response.url());
  });
  await page.goto(`/workspaces/${builder.workspaceId}/settings/tokens`);
  await page.waitForLoadState("networkidle");
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((url) => url.includes("scalar"))).toEqual([]);
});
