import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { createWorkflowThroughUi, expect, test } from "./fixtures";

// The builder loop as a new user walks it: test before publishing (the page's own curl snippet
// against the test URL of a never-published workflow), map the detected fields, publish what
// is on screen; edits survive a tab round-trip; Standard Webhooks refuses a secret that cannot
// key it; a payload with one unusable value still starts a prefilled session, with a warning.

const dir = mkdtempSync(join(tmpdir(), "signet-e2e-loop-"));

function runBash(code: string, name: string): Promise<string> {
  const file = join(dir, `${name}.sh`);
  writeFileSync(file, code);
  return new Promise((resolve, reject) =>
    execFile("bash", [file], { timeout: 30_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout))),
  );
}

const saved = (page: Page) => expect(page.getByText("All changes saved to the draft.")).toBeVisible();

test("never published: HMAC on, a secret, the page's curl snippet on the test URL, map the detected fields, publish what is on screen", async ({ page, builder }, testInfo) => {
  const builderUrl = await createWorkflowThroughUi(page, builder.workspaceId, "Loop intake");
  await page.getByRole("link", { name: "Webhook", exact: true }).click();
  await expect(page.getByText("the test URL works now")).toBeVisible();

  await page.getByRole("switch", { name: "Require HMAC-signed requests" }).check();
  await saved(page);
  await page.getByRole("button", { name: "Generate secret" }).click();
  const secret = (await page.getByTestId("new-secret").textContent())!;
  expect(secret).toMatch(/^whsec_/);

  await page.getByRole("tab", { name: /curl/i }).click();
  const snippet = (await page.getByTestId("snippet-curl").textContent())!;
  expect(snippet).toContain("?test=true");
  const answer = await runBash(snippet.replace("YOUR_SECRET", secret), "test-url");
  expect(answer).toContain("HTTP 201");
  expect(answer).toContain('"test":true');
  await testInfo.attach("webhook tab before the first publish", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The fields of that test payload are detected; map them, and publish without waiting for the autosave.
  await page.getByRole("link", { name: "Builder", exact: true }).click();
  await expect(page.getByTestId("detected-field").filter({ hasText: "customer.name" })).toBeVisible();
  await page.getByRole("button", { name: "Add field to step 1" }).click();
  await page.getByRole("button", { name: /^Text/ }).click();
  await page.locator("#def-steps-0-fields-1-label").fill("Full name");
  await page.locator("#def-steps-0-fields-1-key").fill("fullName");
  await page.getByRole("button", { name: "Map customer.email" }).click();
  await page.getByRole("button", { name: "Map customer.name" }).click();
  await page.getByLabel("Field 2", { exact: true }).selectOption("fullName");
  await expect(page.getByTestId("autosave-status")).toHaveText("Unsaved changes…");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 1");
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await testInfo.attach("published with the edits that were on screen", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The live version has the edits: a live request (the same snippet, production URL) is prefilled with both.
  const live = await runBash(snippet.replace("YOUR_SECRET", secret).replace("?test=true", ""), "live-url");
  expect(live).toContain("HTTP 201");
  const sessionUrl = /"sessionUrl":"([^"]+)"/.exec(live)![1]!;
  await page.goto(sessionUrl);
  await expect(page.getByLabel("Email")).toHaveValue("ada@example.com");
  await expect(page.getByLabel("Full name")).toHaveValue("Ada Lovelace");

  // Publishing again with nothing changed publishes nothing.
  await page.goto(builderUrl);
  await page.getByRole("button", { name: "Publish again" }).click();
  await expect(page.getByText("Nothing to publish: version 1 already matches the draft.")).toBeVisible();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 1");
});

test("a tab round-trip keeps edits that were never saved by hand", async ({ page, builder }, testInfo) => {
  const builderUrl = await createWorkflowThroughUi(page, builder.workspaceId, "Round trip");
  await page.getByRole("button", { name: "Add field to step 1" }).click();
  await page.getByRole("button", { name: /^Text/ }).click();
  await page.locator("#def-steps-0-fields-1-label").fill("Company");
  await page.locator("#def-steps-0-fields-1-key").fill("company");
  // Straight to another tab: the link waits for the save, then navigates.
  await page.getByRole("link", { name: "Webhook", exact: true }).click();
  await expect(page).toHaveURL(`${builderUrl}/webhook`);
  await page.getByRole("link", { name: "Builder", exact: true }).click();
  await expect(page.locator("#def-steps-0-fields-1-label")).toHaveValue("Company");
  await page.reload();
  await expect(page.locator("#def-steps-0-fields-1-key")).toHaveValue("company");
  await testInfo.attach("edits kept across tabs", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("Standard Webhooks refuses a pasted secret that is not whsec_, and shows the rule", async ({ page, builder }, testInfo) => {
  const builderUrl = await createWorkflowThroughUi(page, builder.workspaceId, "Standard");
  await page.goto(`${builderUrl}/webhook`);
  await page.getByLabel("Signature scheme").selectOption("standard-webhooks");
  await saved(page);
  await page.getByLabel("Paste my own").check();
  await page.getByLabel("Secret", { exact: true }).fill("my-super-long-company-secret-2026!");
  await expect(page.locator("#secret-value-error")).toContainText("does not start with whsec_");
  await expect(page.getByTestId("secret-rule")).toContainText("whsec_ followed by base64 of 24–64 bytes");
  await expect(page.getByRole("button", { name: "Save pasted secret" })).toBeDisabled();
  await testInfo.attach("standard webhooks refuses the paste", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await expect(page.getByText("No secrets yet.")).toBeVisible();
});

test("a payload with one unusable value starts a prefilled session, and its delivery row shows the warning", async ({ page, builder }, testInfo) => {
  const builderUrl = await createWorkflowThroughUi(page, builder.workspaceId, "Lenient");
  await page.getByRole("button", { name: "Add field to step 1" }).click();
  await page.getByRole("button", { name: /^Text/ }).click();
  await page.locator("#def-steps-0-fields-1-label").fill("Tier");
  await page.locator("#def-steps-0-fields-1-key").fill("tier");
  await page.locator("#def-steps-0-fields-1-type").selectOption("select");
  await page.getByRole("button", { name: "Add mapping" }).click();
  await page.getByLabel("Payload path 1").fill("customer.email");
  await page.getByLabel("Field 1", { exact: true }).selectOption("email");
  await page.getByRole("button", { name: "Add mapping" }).click();
  await page.getByLabel("Payload path 2").fill("tier");
  await page.getByLabel("Field 2", { exact: true }).selectOption("tier");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 1");

  await page.getByRole("link", { name: "Webhook", exact: true }).click();
  const url = (await page.getByTestId("production-url").textContent())!.replace(/^POST /, "");
  const response = await page.request.post(url, { headers: { "Content-Type": "application/json" }, data: JSON.stringify({ customer: { email: "zoe@example.com" }, tier: "Gold" }) });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { sessionUrl: string; warnings: { path: string; field: string; message: string }[] };
  expect(body.warnings).toEqual([{ path: "tier", field: "tier", message: '"Gold" is not one of the options (option-1); the field was left empty.' }]);

  await page.goto(body.sessionUrl);
  await expect(page.getByLabel("Email")).toHaveValue("zoe@example.com");
  await expect(page.getByLabel("Tier")).toHaveValue("");
  await testInfo.attach("session prefilled except the unusable value", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.goto(`${builderUrl}/deliveries`);
  const row = page.getByTestId("delivery-row").first();
  await expect(row).toContainText("201 accepted with warnings");
  await expect(row).toContainText('"Gold" is not one of the options');
  await row.locator("summary").click();
  await expect(row.getByTestId("delivery-warnings")).toContainText("tier → tier");
  await testInfo.attach("delivery row with the warning", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
