// Security as a person meets it in the browser: the sign-in lockout and its message, and
// builder pages that another site cannot frame.
import { expect, PASSWORD, signUpThroughUi, test, uniqueEmail } from "./fixtures";

test("five wrong passwords lock sign-in for that email for up to 15 minutes, with a clear message, even for the right password", async ({ browser, baseURL }, testInfo) => {
  const email = uniqueEmail("lockout");
  const signUpContext = await browser.newContext({ baseURL });
  await signUpThroughUi(await signUpContext.newPage(), email);
  await signUpContext.close();

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The previous attempt's identical message is still on screen, so wait for this attempt's
    // answer itself: when the action completes, the form resets and the password is cleared.
    await expect(page.getByLabel("Password")).toHaveValue("");
    const message = attempt < 5 ? /Incorrect email or password/ : /locked for up to 15 minutes/;
    await expect(page.getByText(message)).toBeVisible();
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed attempts\. Sign-in for this email is locked for up to 15 minutes/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await testInfo.attach("sign-in locked", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The lock is per email: someone else signs in normally meanwhile.
  const other = uniqueEmail("unlocked");
  const otherContext = await browser.newContext({ baseURL });
  await signUpThroughUi(await otherContext.newPage(), other);
  await otherContext.close();
  await page.getByLabel("Email").fill(other);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Workflows" })).toBeVisible();
  await context.close();
});

test("another site cannot frame a builder page", async ({ page, baseURL, builder }, testInfo) => {
  const target = `${baseURL}/workspaces/${builder.workspaceId}`;
  // about:blank is a different origin from the app, like an attacker's page would be.
  await page.goto("about:blank");
  await page.setContent(`<h1>Attacker</h1><iframe id="victim" src="${target}" width="800" height="400"></iframe>`);
  // The browser replaces a refused frame with its own error page.
  const victim = () => page.frames().find((f) => f !== page.mainFrame());
  await expect.poll(() => victim()?.url() ?? "", { timeout: 10_000 }).toMatch(/^chrome-error:/);
  expect(await victim()!.getByRole("heading", { name: "Workflows" }).count()).toBe(0);
  await testInfo.attach("framing refused", { body: await page.screenshot(), contentType: "image/png" });
});
