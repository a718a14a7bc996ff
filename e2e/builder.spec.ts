import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The builder's journey: build a two-step workflow, publish, start a session from the direct
// link, complete it, see it in the builder; then HMAC on: the link keeps working until
// Publish, after which it refuses and the QR code is gone.

async function createWorkflow(page: Page, name: string) {
  await page.getByLabel("Workflow name").fill(name);
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function saveDraft(page: Page) {
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
}

test("build, publish, fill a session from the direct link, then HMAC on disables the link and QR", async ({ page, builder }, testInfo) => {
  await createWorkflow(page, "Customer onboarding");
  await expect(page.getByTestId("version-status")).toHaveText("Not published");
  await expect(page.getByTestId("direct-link-disabled")).toContainText("Publish the workflow");

  // Step 1 (default: an email field) gets a required name field.
  await page.getByRole("button", { name: "Add field to step 1" }).click();
  await page.getByRole("button", { name: /^Text/ }).click();
  await page.locator("#def-steps-0-fields-1-label").fill("Full name");
  await page.locator("#def-steps-0-fields-1-key").fill("email");
  await page.getByLabel("Required").nth(1).check();
  // Step 2 with a select.
  await page.getByRole("button", { name: "Add step" }).click();
  await page.locator("#def-steps-1-title").fill("Your plan");
  await page.locator("#def-steps-1-fields-0-label").fill("Plan");
  await page.locator("#def-steps-1-fields-0-key").fill("plan");
  await page.locator("#def-steps-1-fields-0-type").selectOption("select");
  await page.locator("#def-steps-1-fields-0-options-0-label").fill("Pro");
  await page.locator("#def-steps-1-fields-0-options-0-value").fill("pro");

  // A duplicate key is refused with the message next to the offending input.
  await page.getByRole("button", { name: "Save draft" }).click();
  const keyInput = page.locator("#def-steps-0-fields-1-key");
  await expect(keyInput).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#def-steps-0-fields-1-key-error")).toContainText('Duplicate field key "email"');
  await keyInput.fill("fullName");
  await saveDraft(page);
  await expect(keyInput).not.toHaveAttribute("aria-invalid");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 1");
  const directLink = (await page.getByTestId("direct-link-url").textContent())!.trim();
  expect(directLink).toMatch(/\/w\/customer-onboarding-[a-z0-9]+$/);
  await expect(page.getByRole("img", { name: /QR code for/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download SVG" })).toHaveAttribute("download", /\.svg$/);
  const png = await page.request.get(`${directLink}/qr.png`);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  await testInfo.attach("builder", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  const builderUrl = page.url();

  // A participant opens the direct link and fills both steps.
  await page.goto(directLink);
  await expect(page).toHaveURL(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("Step 1 of 2")).toBeVisible();
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#field-email-error")).toContainText("is not a valid email address");
  await expect(page.locator("#field-fullName-error")).toHaveText("This field is required");
  await expect(page.getByLabel("Email")).toHaveValue("not an email");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your plan" })).toBeVisible();
  await page.getByLabel("Plan", { exact: true }).selectOption("pro");
  await testInfo.attach("session page", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Thank you — you're done" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Thank you — you're done" })).toBeVisible();

  // The builder sees it completed with its data.
  await page.goto(builderUrl);
  await page.getByRole("link", { name: "Sessions" }).click();
  const live = page.getByRole("region", { name: /Live sessions/ });
  const row = live.getByTestId("session-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Completed");
  await expect(row).toContainText("ada@example.com");
  await expect(row).toContainText("Ada Lovelace");
  await expect(row).toContainText("Direct link");
  await testInfo.attach("sessions tab", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.getByRole("link", { name: "Test", exact: true }).click();
  await expect(page.getByText("No test sessions yet.")).toBeVisible();

  // HMAC on in the draft: nothing changes live until Publish.
  await page.getByRole("link", { name: "Builder", exact: true }).click();
  await page.getByLabel("Require HMAC-signed requests").check();
  await expect(page.getByText("HMAC is on in this draft only")).toBeVisible();
  await saveDraft(page);
  await expect(page.getByTestId("version-status")).toContainText("Unpublished changes");
  await expect(page.getByText("Your draft turns HMAC on")).toBeVisible();
  const stillLive = await page.request.get(directLink, { maxRedirects: 0 });
  expect(stillLive.status()).toBe(303);
  expect((await page.request.get(`${directLink}/qr.svg`)).status()).toBe(200);

  // Publishing with HMAC on and no secret would refuse every request: Publish says so.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "no active secret" })).toBeVisible();
  await expect(page.getByTestId("version-status")).toContainText("Live: version 1");
  await page.getByRole("link", { name: "Webhook", exact: true }).click();
  await page.getByRole("button", { name: "Generate secret" }).click();
  await expect(page.getByTestId("new-secret")).toHaveText(/^whsec_/);
  await page.getByRole("link", { name: "Builder", exact: true }).click();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 2");
  await expect(page.getByTestId("direct-link-disabled")).toContainText("can only be started by an authorised system");
  await expect(page.getByRole("img", { name: /QR code for/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download PNG" })).toHaveCount(0);
  await testInfo.attach("builder with HMAC on", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const refused = await page.request.get(directLink, { maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect((await page.request.get(`${directLink}/qr.svg`)).status()).toBe(410);
  expect((await page.request.get(`${directLink}/qr.png`)).status()).toBe(410);
  await page.goto(directLink);
  await expect(page.getByRole("heading", { name: "This workflow can't be started from a link" })).toBeVisible();
  await expect(page.getByText("can only be started by an authorised system")).toBeVisible();
  expect(builder.workspaceId).toBeTruthy();
});

test("workflow list: search, rename, duplicate and delete with confirmation", async ({ page, builder }) => {
  await createWorkflow(page, "Alpha intake");
  await page.goto(`/workspaces/${builder.workspaceId}`);
  await createWorkflow(page, "Beta survey");
  await page.goto(`/workspaces/${builder.workspaceId}`);
  const list = page.getByRole("list", { name: "Workflows" });
  await expect(list.getByRole("listitem")).toHaveCount(2);

  await page.getByLabel("Search workflows").fill("alpha");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=alpha$/);
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Alpha intake");
  await page.getByLabel("Search workflows").fill("nothing like this");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No workflows match “nothing like this”")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();

  await page.getByText("Rename Alpha intake").click();
  await page.getByLabel("New name for Alpha intake").fill("Alpha intake v2");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(list.getByRole("link", { name: "Alpha intake v2" })).toBeVisible();

  await page.getByRole("button", { name: "Duplicate Beta survey" }).click();
  await expect(list.getByRole("link", { name: "Beta survey (copy)" })).toBeVisible();

  await page.getByRole("button", { name: "Delete Beta survey (copy)" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Beta survey (copy)”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await page.getByRole("button", { name: "Delete Beta survey (copy)" }).click();
  await dialog.getByRole("button", { name: "Delete workflow" }).click();
  await expect(list.getByRole("link", { name: "Beta survey (copy)" })).toHaveCount(0);
  await expect(list.getByRole("listitem")).toHaveCount(2);
});
