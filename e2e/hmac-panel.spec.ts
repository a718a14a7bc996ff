import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { createWorkflowThroughUi, expect, test } from "./fixtures";

// The Webhook tab journey: HMAC on with Standard Webhooks, a generated secret copied from the
// page, the page's own Node snippet accepted by the test URL; rotation keeps both secrets
// valid; a revoked secret is refused and the delivery log says why.

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const dir = mkdtempSync(join(tmpdir(), "signet-e2e-snippet-"));

function runNode(code: string, name: string): Promise<string> {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, code);
  return new Promise((resolve, reject) =>
    // Playwright forces colours in its workers; console.log would then colour the status code.
    execFile("node", [file], { timeout: 30_000, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout))),
  );
}

async function generateSecret(page: Page): Promise<string> {
  await page.getByRole("button", { name: /^Generate (new )?secret$/ }).click();
  const shown = page.getByTestId("new-secret");
  await expect(shown).toHaveText(/^whsec_[A-Za-z0-9+/=]{44}$/);
  await page.getByRole("button", { name: "Copy secret" }).click();
  await expect(page.getByRole("button", { name: "Copy secret" })).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await shown.textContent());
  return copied;
}

test("HMAC panel: sign with the page's Node snippet, rotate, revoke, and read why in the delivery log", async ({ page, builder }, testInfo) => {
  const workflowUrl = await createWorkflowThroughUi(page, builder.workspaceId, "Signed intake");
  await page.goto(`${workflowUrl}/webhook`);

  await page.getByRole("switch", { name: "Require HMAC-signed requests" }).check();
  await expect(page.getByText("the direct link and QR code stop working")).toBeVisible();
  await page.getByLabel("Signature scheme").selectOption("standard-webhooks");
  await expect(page.getByTestId("signature-preview")).toContainText("webhook-signature: v1,");
  await page.getByRole("button", { name: "Save HMAC settings" }).click();
  await expect(page.getByText("Saved to the draft. The test URL uses it now")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Require HMAC-signed requests" })).toBeChecked();
  await expect(page.getByTestId("key-bytes-rule")).toContainText("base64-decoded part after whsec_");

  // Publishing with HMAC on needs a secret that fits: generate one first.
  const first = await generateSecret(page);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toContainText("Live: version 1");
  await testInfo.attach("hmac-panel", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByRole("tab", { name: "Node.js" }).click();
  const snippet = (await page.getByTestId("snippet-node").textContent())!;
  expect(snippet).toContain("YOUR_SECRET");
  const withSecret = (secret: string) => snippet.replace("YOUR_SECRET", secret);
  expect(await runNode(withSecret(first), "first")).toMatch(/^201 /);

  // Rotation: the old secret stays valid for the chosen 72 h, so both sign successfully.
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByText("Rotate: add a new secret")).toBeVisible();
  // Only test requests used the secret so far, so the panel suggests replacing; choose rotate.
  await expect(page.getByLabel("Replace: revoke them now")).toBeChecked();
  await page.getByLabel("Rotate: keep them valid for a while").check();
  await expect(page.getByLabel("Keep the current secrets valid for (hours)")).toHaveValue("72");
  const second = await generateSecret(page);
  await expect(page.getByTestId(`secret-${first.slice(-4)}`)).toContainText(/Expires in 7[01] h/);
  await expect(page.getByTestId(`secret-${second.slice(-4)}`)).toContainText("Active");
  expect(await runNode(withSecret(first), "old-during-overlap")).toMatch(/^201 /);
  expect(await runNode(withSecret(second), "new")).toMatch(/^201 /);

  // Revoking the old secret takes effect at once.
  await page.getByRole("button", { name: `Revoke secret …${first.slice(-4)}` }).click();
  await page.getByRole("button", { name: "Revoke secret", exact: true }).click();
  await expect(page.getByTestId(`secret-${first.slice(-4)}`)).toContainText("Revoked");
  const refused = await runNode(withSecret(first), "old-after-revoke");
  expect(refused).toMatch(/^401 /);
  expect(refused).not.toContain(first);

  await page.goto(`${workflowUrl}/deliveries`);
  const rows = page.getByTestId("delivery-row");
  await expect(rows).toHaveCount(4);
  const refusedRow = rows.filter({ hasText: "401 rejected" });
  await expect(refusedRow).toHaveCount(1);
  await expect(refusedRow).toContainText("The signature matches no active secret.");
  await expect(rows.filter({ hasText: "201 accepted" })).toHaveCount(3);
  await testInfo.attach("delivery-log", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
