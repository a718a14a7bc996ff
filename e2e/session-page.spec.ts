import type { Page } from "@playwright/test";
import { checkPage, WIDTHS } from "./checks";
import { expect, test } from "./fixtures";
import { apiTokenThroughUi, publishedWorkflow, webhookSession, type PublishedWorkflow } from "./session-kit";

// The participant's journey on /s/{token}: two steps, prefilled from a webhook, with Back.
// It works with JavaScript off (plain forms), by keyboard alone, at 390 and 1280 px, and the
// completion fits an iframe.

let workflow: PublishedWorkflow;

test.beforeEach(async ({ page, builder }) => {
  const token = await apiTokenThroughUi(page, builder.workspaceId);
  workflow = await publishedWorkflow(page.request, token, "Customer onboarding");
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

test("with JavaScript off: errors, Back without losing answers, submit, and a completion that fits an iframe", async ({ browser, page }) => {
  const url = await webhookSession(page.request, workflow, { customer: { email: "ada@example.com" } });
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const p = await context.newPage();
  await p.goto(url);
  expect(await p.evaluate(() => document.querySelectorAll("script[src]").length)).toBe(0);
  await expect(p.getByText("Step 1 of 2")).toBeVisible();
  await expect(p.getByLabel("Email")).toHaveValue("ada@example.com");
  await expect(p.getByRole("button", { name: "Back" })).toHaveCount(0);

  // A server-side error: the summary takes focus and links to the field; typed text is kept.
  await p.getByLabel("Email").fill("not an email");
  await p.getByLabel("Full name").fill("Ada Lovelace");
  await p.getByRole("button", { name: "Continue" }).click();
  await expect(p.getByRole("alert")).toContainText('Email: "not an email" is not a valid email address');
  expect(await p.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
  await expect(p.getByLabel("Full name")).toHaveValue("Ada Lovelace");
  await p.getByLabel("Email").fill("ada@example.com");
  await p.getByRole("button", { name: "Continue" }).click();

  // Step 2, focus on its heading. Choose, type, then Back: step 1 as it was left.
  await expect(p.getByRole("heading", { level: 1, name: "Your plan" })).toBeVisible();
  expect(await focusedId(p)).toBe("step-heading");
  await expect(p.getByText("Step 2 of 2")).toBeVisible();
  await p.getByLabel(/^Plan/).selectOption("pro");
  await p.getByLabel("Notes").fill("Call me after five");
  await p.getByRole("button", { name: "Back" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "Your details" })).toBeVisible();
  expect(await focusedId(p)).toBe("step-heading");
  await expect(p.getByLabel("Email")).toHaveValue("ada@example.com");
  await expect(p.getByLabel("Full name")).toHaveValue("Ada Lovelace");

  // Forward again: what was typed on step 2 before Back is still there.
  await p.getByRole("button", { name: "Continue" }).click();
  await expect(p.getByLabel(/^Plan/)).toHaveValue("pro");
  await expect(p.getByLabel("Notes")).toHaveValue("Call me after five");
  await p.getByRole("button", { name: "Submit" }).click();
  await expect(p.getByRole("heading", { name: "Thank you — you're done" })).toBeVisible();
  await expect(p.getByText("You can close this page.")).toBeVisible();

  // Embedded, the completion says nothing about closing a page the participant can't close.
  const embedded = await webhookSession(page.request, workflow, { customer: { email: "grace@example.com" } });
  await p.goto(`${embedded}?embed=1`);
  await expect(p.getByRole("banner")).toHaveCount(0);
  await p.getByRole("button", { name: "Continue" }).click();
  await expect(p).toHaveURL(/\?embed=1$/);
  await p.getByLabel(/^Plan/).selectOption("basic");
  await p.getByRole("button", { name: "Submit" }).click();
  await expect(p.getByTestId("session-completed")).toContainText("Your answers were submitted");
  await expect(p.getByText("You can close this page.")).toHaveCount(0);
  await context.close();
});

test("keyboard only: fill both steps, go Back and forward, with focus on each step's heading", async ({ page }) => {
  const url = await webhookSession(page.request, workflow, { customer: { email: "ada@example.com" } });
  await page.goto(url);
  expect(await focusedId(page)).toBe("step-heading");

  await page.keyboard.press("Tab");
  expect(await focusedId(page)).toBe("field-email");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Ada Lovelace");
  await page.keyboard.press("Enter"); // Enter in a field continues (Continue is the form's first button)

  await expect(page.getByRole("heading", { level: 1, name: "Your plan" })).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await focusedId(page)).toBe("field-plan");
  await page.keyboard.type("Pro"); // type-ahead on a closed select
  await expect(page.getByLabel(/^Plan/)).toHaveValue("pro");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Evenings are best");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Submit" })).toBeFocused();
  // The focus ring: 3 px, solid, around the focused button.
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: style.outlineWidth };
  });
  expect(ring).toEqual({ style: "solid", width: "3px" });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Back" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Your details" })).toBeFocused();
  await expect(page.getByLabel("Full name")).toHaveValue("Ada Lovelace");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Continue" })).toBeFocused();
  await page.keyboard.press("Space");

  await expect(page.getByRole("heading", { level: 1, name: "Your plan" })).toBeFocused();
  await expect(page.getByLabel("Notes")).toHaveValue("Evenings are best");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Thank you — you're done" })).toBeFocused();
});

for (const width of WIDTHS) {
  test(`at ${width} px: no sideways scrolling and no serious axe violations, on every state of the page`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 844 });
    const url = await webhookSession(page.request, workflow, { customer: { email: "a-rather-long-address.for-a-narrow-phone@example-company.com" } });
    await page.goto(url);
    await checkPage(page, testInfo, "session step 1");
    await page.getByLabel("Email").fill("");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await checkPage(page, testInfo, "session step 1 with errors");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("button", { name: "Back" })).toBeVisible();
    await checkPage(page, testInfo, "session step 2");
    await page.getByLabel(/^Plan/).selectOption("pro");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByTestId("session-completed")).toBeVisible();
    await checkPage(page, testInfo, "session completed");

    const embedded = await webhookSession(page.request, workflow, { customer: { email: "grace@example.com" } });
    await page.goto(`${embedded}?embed=1`);
    await checkPage(page, testInfo, "embedded session step 1");
  });
}
