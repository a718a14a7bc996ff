import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The nonce Content-Security-Policy as chromium enforces it: every page of a builder's and a
// participant's journey runs (hydrates, submits) without a single violation, and a script
// slipped into a page without the response's nonce (an inline one, an event handler) is
// blocked, while one carrying the nonce runs.

type Violation = { directive: string; blocked: string; sample: string };

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: Violation[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp)), ...consoleErrors.map((text) => ({ directive: "console", blocked: "", sample: text }))];
}

test("the builder's and the participant's pages run under the nonce policy without a violation", async ({ page, builder }) => {
  const violations = await recordViolations(page);
  const visit = async (path: string) => {
    await page.goto(path);
    expect(await violations(), path).toEqual([]);
  };

  await visit(`/workspaces/${builder.workspaceId}`);
  // Hydrated client components work: create, edit, publish.
  await page.getByLabel("Workflow name").fill("CSP check");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CSP check" })).toBeVisible();
  const workflowUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 1");
  await expect(page.getByRole("img", { name: /QR code for/ })).toBeVisible();
  expect(await violations(), workflowUrl).toEqual([]);
  const directLink = (await page.getByTestId("direct-link-url").textContent())!.trim();

  for (const tab of ["overview", "webhook", "deliveries", "sessions"]) await visit(`${workflowUrl}/${tab}`);
  await visit(`/workspaces/${builder.workspaceId}/members`);
  await visit(`/workspaces/${builder.workspaceId}/audit`);
  await visit(`/workspaces/${builder.workspaceId}/settings/tokens`);
  await visit("/no-such-page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  // The participant's session page, through the direct link, submitted.
  await page.goto(directLink);
  await expect(page).toHaveURL(/\/s\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: /Continue|Submit/ }).click();
  expect(await violations(), "session page").toEqual([]);
});

test("a script without the response's nonce is blocked; one with it runs", async ({ page }) => {
  const violations = await recordViolations(page);
  // An attacker's markup in the page, as a stored XSS would put it there: an inline script and
  // an event handler without the nonce, next to a control script that carries it.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const injected = [
      `<script>window.__injected = "inline";</script>`,
      `<img src="/no-such-image.png" onerror="window.__injected = 'handler'">`,
      `<script nonce="${nonce}">window.__control = "ran";</script>`,
    ].join("");
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect.poll(async () => (await violations()).filter((v) => v.directive.startsWith("script-src")).length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __control?: string }).__control)).toBe("ran");
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
});
