import type { Locator, Page } from "@playwright/test";
import { checkPage, WIDTHS } from "./checks";
import { expect, test } from "./fixtures";
import { apiTokenThroughUi, publishedWorkflow, webhookSession } from "./session-kit";

// Every page of a workflow at a phone's and a laptop's width (no sideways scroll, axe, a
// screenshot), and the builder's preview against the real session page.

const PAYLOAD = { customer: { email: "ada@example.com" } };

/** Label, value and kind of every visible input of a step form, in order. */
async function formSnapshot(form: Locator) {
  return form.locator("input:not([type=hidden]), select, textarea").evaluateAll((controls) =>
    controls.map((control) => {
      const input = control as HTMLInputElement;
      const label = input.labels?.[0]?.textContent?.trim() ?? "";
      return { label, tag: input.tagName.toLowerCase(), type: input.type, value: input.type === "checkbox" ? String(input.checked) : input.value };
    }),
  );
}

async function openPreview(page: Page) {
  const toggle = page.getByRole("button", { name: "Show preview" });
  if (await toggle.isVisible()) await toggle.click();
  const preview = page.getByTestId("form-preview");
  await expect(preview).toBeVisible();
  return preview;
}

for (const width of WIDTHS) {
  test(`the builder, webhook, sessions, deliveries and overview pages at ${width} px`, async ({ page, builder }, testInfo) => {
    const token = await apiTokenThroughUi(page, builder.workspaceId);
    const workflow = await publishedWorkflow(page.request, token, "Customer onboarding with a rather long name that must wrap");
    await webhookSession(page.request, workflow, PAYLOAD, true);
    await webhookSession(page.request, workflow, PAYLOAD);

    await page.setViewportSize({ width, height: 900 });
    const base = `/workspaces/${builder.workspaceId}/workflows/${workflow.id}`;
    await page.goto(base);
    await expect(page.getByRole("heading", { name: "Form steps" })).toBeVisible();
    const preview = await openPreview(page);
    await expect(preview.getByLabel("Email")).toHaveValue("ada@example.com");
    await checkPage(page, testInfo, "builder");
    await preview.getByRole("button", { name: "Wide" }).click();
    await expect(preview.getByRole("button", { name: "Wide" })).toHaveAttribute("aria-pressed", "true");
    await checkPage(page, testInfo, "builder with a wide preview");

    await page.goto(`${base}/webhook`);
    await expect(page.getByTestId("production-url")).toContainText(workflow.hookUrl);
    await checkPage(page, testInfo, "webhook");

    await page.goto(`${base}/sessions`);
    await expect(page.getByRole("heading", { name: /Live sessions/ })).toBeVisible();
    await checkPage(page, testInfo, "sessions");

    await page.goto(`${base}/deliveries`);
    await expect(page.getByTestId("delivery-row")).toHaveCount(2);
    await checkPage(page, testInfo, "deliveries");

    await page.goto(`${base}/overview`);
    await checkPage(page, testInfo, "overview");
  });
}

test("the preview shows the same fields, order and prefill as the session page", async ({ page, builder }) => {
  const token = await apiTokenThroughUi(page, builder.workspaceId);
  const workflow = await publishedWorkflow(page.request, token, "Same as live");
  const sessionUrl = await webhookSession(page.request, workflow, PAYLOAD, true);

  await page.goto(`/workspaces/${builder.workspaceId}/workflows/${workflow.id}`);
  const preview = await openPreview(page);
  const previewSteps = [await formSnapshot(preview.locator("form"))];
  await preview.getByRole("button", { name: "Continue" }).click();
  await expect(preview.getByRole("heading", { name: "Your plan" })).toBeVisible();
  previewSteps.push(await formSnapshot(preview.locator("form")));
  await preview.getByRole("button", { name: "Submit" }).click();
  await expect(preview.getByTestId("session-completed")).toContainText("Thank you");
  await preview.getByRole("button", { name: "2. Your plan" }).click();
  await expect(preview.getByRole("heading", { name: "Your plan" })).toBeVisible();

  await page.goto(sessionUrl);
  const sessionSteps = [await formSnapshot(page.locator("form[data-session-form]"))];
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your plan" })).toBeVisible();
  sessionSteps.push(await formSnapshot(page.locator("form[data-session-form]")));

  expect(previewSteps[0]!.map((c) => c.label)).toEqual(["Email * (required)", "Full name"]);
  expect(previewSteps[0]![0]!.value).toBe("ada@example.com");
  expect(previewSteps).toEqual(sessionSteps);
});

test("a field reordered by keyboard alone moves in the editor and the preview follows", async ({ page, builder }, testInfo) => {
  await page.getByLabel("Workflow name").fill("Keyboard order");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard order" })).toBeVisible();
  expect(builder.workspaceId).toBeTruthy();

  // The picker, then a label: the key follows the label.
  await page.getByRole("button", { name: "Add field to step 1" }).click();
  await page.getByRole("button", { name: /^Long text/ }).click();
  await expect(page.locator("#def-steps-0-fields-1-label")).toBeFocused();
  await page.keyboard.type("Your message");
  await expect(page.locator("#def-steps-0-fields-1-key")).toHaveValue("yourMessage");

  const preview = page.getByTestId("form-preview");
  const previewLabels = () => preview.locator("form label").allTextContents();
  await expect.poll(previewLabels).toEqual(["Email * (required)", "Your message"]);

  // dnd-kit's live region says what happens (visually hidden, so attached rather than visible).
  const said = (text: string | RegExp) => expect(page.getByText(text)).toBeAttached();
  const handle = page.getByRole("button", { name: "Reorder field Your message" });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowUp");
  await said('field "Your message" is now at position 1 of 2.');
  await page.keyboard.press("Space");
  await said('Dropped field "Your message" at position 1 of 2.');

  await expect(page.locator("#def-steps-0-fields-0-label")).toHaveValue("Your message");
  await expect(page.locator("#def-steps-0-fields-1-label")).toHaveValue("Email");
  await expect(handle).toBeFocused();
  await expect.poll(previewLabels).toEqual(["Your message", "Email * (required)"]);
  await expect(page.getByTestId("autosave-status")).toHaveText("All changes saved to the draft.");
  await page.reload();
  await expect(page.locator("#def-steps-0-fields-0-key")).toHaveValue("yourMessage");
  await checkPage(page, testInfo, "builder after a keyboard reorder");

  // And back by pointer: drag Email's handle above the first field.
  const from = (await page.getByRole("button", { name: "Reorder field Email" }).boundingBox())!;
  const to = (await page.getByRole("button", { name: "Reorder field Your message" }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, to.y - 20, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator("#def-steps-0-fields-0-label")).toHaveValue("Email");
  await expect.poll(previewLabels).toEqual(["Email * (required)", "Your message"]);
});

test("by keyboard alone: build a two-step workflow with a reorder, publish, and fill it with Back", async ({ page, builder }, testInfo) => {
  expect(builder.workspaceId).toBeTruthy();
  await page.getByLabel("Workflow name").focus();
  await page.keyboard.type("Keyboard built");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard built" })).toBeVisible();

  // Step 1 gets a text field: the picker takes focus, Enter picks Text, focus lands on its label.
  await page.getByRole("button", { name: "Add field to step 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /^Text/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#def-steps-0-fields-1-label")).toBeFocused();
  await page.keyboard.type("Full name");

  // A second step: its title takes focus; its id and first field's key follow what is typed.
  await page.getByRole("button", { name: "Add step" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#def-steps-1-title")).toBeFocused();
  await page.keyboard.type("Your company");
  await expect(page.locator("#def-steps-1-id")).toHaveValue("your-company");
  for (const next of ["#def-steps-1-id", "#def-steps-1-description", "#drag-def-steps-1-fields-0", "#def-steps-1-fields-0-label"]) {
    await page.keyboard.press("Tab");
    await expect(page.locator(next)).toBeFocused();
  }
  await page.keyboard.type("Company");
  await expect(page.locator("#def-steps-1-fields-0-key")).toHaveValue("company");

  // Move the new step first.
  const handle = page.getByRole("button", { name: "Reorder step 2: Your company" });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByText('step 2 "Your company" is now at position 1 of 2.')).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.locator("#def-steps-0-title")).toHaveValue("Your company");
  await expect(page.getByRole("button", { name: "Reorder step 1: Your company" })).toBeFocused();
  await expect(page.getByTestId("form-preview").getByRole("heading", { name: "Your company" })).toBeVisible();

  await page.getByRole("button", { name: "Publish", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 1");
  await checkPage(page, testInfo, "builder built by keyboard");
  const directLink = (await page.getByTestId("direct-link-url").textContent())!.trim();

  // The participant: focus starts on each step's heading; Enter continues, Back keeps answers.
  await page.goto(directLink);
  await expect(page.getByRole("heading", { name: "Your company" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.type("Acme");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your details" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.type("ada@example.com");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Ada Lovelace");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Submit" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Back" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your company" })).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Company" })).toHaveValue("Acme");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your details" })).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Full name" })).toHaveValue("Ada Lovelace");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: /^Email/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("session-completed")).toBeVisible();
});
