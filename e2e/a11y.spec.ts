import { expectNoSeriousViolations } from "./checks";
import { expect, test } from "./fixtures";

// axe on the pages every user meets: sign-in, the builder and a session. Serious and
// critical violations fail the test; the list is attached so a failure says what to fix.

test("sign-in page has no serious accessibility violations", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Signet" })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, "sign-in");
});

test("builder, workflow list and session page have no serious accessibility violations", async ({ page, builder }, testInfo) => {
  await expectNoSeriousViolations(page, testInfo, "empty workflow list");
  await page.getByLabel("Workflow name").fill("Accessible intake");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessible intake" })).toBeVisible();
  await page.getByRole("button", { name: "Add field to step 1" }).click();
  await page.getByRole("button", { name: /^Text/ }).click();
  await page.locator("#def-steps-0-fields-1-label").fill("Plan");
  await page.locator("#def-steps-0-fields-1-type").selectOption("select");
  await page.getByRole("button", { name: "Add mapping" }).click();
  await page.getByRole("button", { name: "Save draft" }).click();
  // The empty mapping row is refused: the page is checked with errors showing too.
  await expect(page.locator("#def-mapping-0-from-error")).toBeVisible();
  await page.getByRole("button", { name: "Remove mapping 1" }).click();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 1");
  await expectNoSeriousViolations(page, testInfo, "builder");

  await page.goto(`/workspaces/${builder.workspaceId}`);
  await expectNoSeriousViolations(page, testInfo, "workflow list");

  await page.getByRole("link", { name: "Accessible intake" }).click();
  const link = (await page.getByTestId("direct-link-url").textContent())!.trim();
  await page.goto(link);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("#field-email-error")).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, "session page with errors");
});
