import { test as base, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export const PASSWORD = "correct horse battery staple";

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.com`;
}

export async function signUpThroughUi(page: Page, email: string, password = PASSWORD): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up answers the same whether or not the email was taken, then the user signs in.
  await expect(page.getByText("Thanks. Sign in with your email and password to continue.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Workflows" })).toBeVisible();
  const match = /\/workspaces\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`expected a workspace URL after sign-up, got ${page.url()}`);
  return match[1];
}

export async function signInThroughUi(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A fresh signed-in builder per test: its own account and personal workspace. */
/** Creates a workflow from the workspace's home, as a builder does; answers its builder page's URL. */
export async function createWorkflowThroughUi(page: Page, workspaceId: string, name: string): Promise<string> {
  await page.goto(`/workspaces/${workspaceId}`);
  await page.getByLabel("Workflow name").fill(name);
  await page.getByRole("button", { name: "Create workflow" }).click();
  await page.waitForURL(/\/workflows\/[^/]+$/);
  return page.url();
}

export const test = base.extend<{ builder: { email: string; workspaceId: string } }>({
  builder: async ({ page }, use) => {
    const email = uniqueEmail("builder");
    const workspaceId = await signUpThroughUi(page, email);
    await use({ email, workspaceId });
  },
});

export { expect };
