// A builder creates an API token in the UI, sees it once, uses it against /api/v1, and
// revokes it: the next API call is refused.
import { expect, test } from "./fixtures";

test("create an API token, use it, revoke it", async ({ page, builder, request }, testInfo) => {
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByText("No API tokens yet.")).toBeVisible();

  await page.getByLabel("Token name").fill("CI deploy");
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByLabel("Your new API token");
  await expect(field).toHaveValue(/^sig_[A-Za-z0-9_-]{43}$/);
  const token = await field.inputValue();
  await expect(page.getByText("It is shown only once")).toBeVisible();
  await page.getByRole("button", { name: "Copy token" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Copied to the clipboard|Couldn't copy/ })).toBeVisible();
  await testInfo.attach("token created", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const auth = { Authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/workflows", { headers: auth, data: { name: "Made with a token" } });
  expect(created.status()).toBe(201);
  const listed = await request.get("/api/v1/workflows", { headers: auth });
  expect((await listed.json()).data.map((w: { name: string }) => w.name)).toEqual(["Made with a token"]);

  // Shown once: after a reload only the last 4 characters remain.
  await page.reload();
  await expect(page.getByLabel("Your new API token")).toHaveCount(0);
  const row = page.getByRole("row", { name: /CI deploy/ });
  await expect(row).toContainText(`sig_…${token.slice(-4)}`);
  await expect(row).toContainText(builder.email);
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");
  await testInfo.attach("token list", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await row.getByRole("button", { name: "Revoke CI deploy" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “CI deploy”?" });
  await expect(dialog).toBeVisible();
  await testInfo.attach("revoke dialog", { body: await page.screenshot(), contentType: "image/png" });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const refused = await request.get("/api/v1/workflows", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("Bearer");
  await testInfo.attach("token revoked", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("the API describes itself and answers unknown paths in JSON", async ({ request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");
  const missing = await request.get("/api/v1/no-such-thing", { headers: { Authorization: "Bearer sig_x" } });
  expect(missing.status()).toBe(404);
  expect((await missing.json()).code).toBe("not_found");
  const anonymous = await request.get("/api/v1/workflows");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toBe('Bearer realm="signet"');
});
