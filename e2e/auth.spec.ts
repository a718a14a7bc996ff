import { test, expect } from "@playwright/test";
import { PASSWORD, signInThroughUi, signUpThroughUi, uniqueEmail } from "./fixtures";

test("sign up, sign out, sign in, and see one's own empty workflow list", async ({ page }, testInfo) => {
  const email = uniqueEmail("journey");
  const workspaceId = await signUpThroughUi(page, email);

  await expect(page.getByText("No workflows yet")).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await testInfo.attach("signed-in workspace", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Signet" })).toBeVisible();

  // Signed out, the workspace redirects to sign-in.
  await page.goto(`/workspaces/${workspaceId}`);
  await expect(page.getByRole("heading", { name: "Sign in to Signet" })).toBeVisible();

  await signInThroughUi(page, email);
  await expect(page).toHaveURL(new RegExp(`/workspaces/${workspaceId}$`));
  await expect(page.getByText("No workflows yet")).toBeVisible();
});

test("another user's workspace answers 404", async ({ page, browser }) => {
  const firstWorkspace = await signUpThroughUi(page, uniqueEmail("first"));

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const secondWorkspace = await signUpThroughUi(otherPage, uniqueEmail("second"));
  expect(secondWorkspace).not.toBe(firstWorkspace);

  const response = await otherPage.goto(`/workspaces/${firstWorkspace}`);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  const members = await otherPage.goto(`/workspaces/${firstWorkspace}/members`);
  expect(members?.status()).toBe(404);
  await other.close();
});

test("bad sign-in and sign-up input gets a clear message", async ({ page }) => {
  const email = uniqueEmail("taken");
  await signUpThroughUi(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();

  await signInThroughUi(page, email, "not the password");
  // Next's route announcer is also role=alert, so pick ours by its text.
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  // A taken email gets exactly the answer a new one gets: sign-up does not tell who has an account.
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("someone else's password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Thanks. Sign in with your email and password to continue.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?signed-up=1$/);

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});
