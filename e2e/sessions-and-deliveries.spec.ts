import type { Page } from "@playwright/test";
import { checkPage, WIDTHS } from "./checks";
import { expect, test } from "./fixtures";
import { apiTokenThroughUi, directLinkSession, publishedWorkflow, webhookSession } from "./session-kit";

// What a builder reads after participants have been through: the sessions table (answers in
// form order under the builder's labels, prefilled told apart from typed, live and test apart),
// one session's detail, and the delivery log, at 390 and 1280 px.

/** Fills a session's two steps through its page, as a participant would. */
async function complete(page: Page, url: string, values: { fullName?: string; email?: string; plan: string; notes?: string }) {
  await page.goto(url);
  if (values.email !== undefined) await page.getByLabel("Email").fill(values.email);
  if (values.fullName !== undefined) await page.getByLabel("Full name").fill(values.fullName);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel(/^Plan/).selectOption(values.plan);
  if (values.notes !== undefined) await page.getByLabel("Notes").fill(values.notes);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByTestId("session-completed")).toBeVisible();
}

for (const width of WIDTHS) {
  test(`sessions, a session's detail and deliveries at ${width} px`, async ({ page, builder }, testInfo) => {
    const token = await apiTokenThroughUi(page, builder.workspaceId);
    const workflow = await publishedWorkflow(page.request, token, "Customer onboarding");
    // Live: one prefilled by a webhook, one typed after the direct link; one test session; one refused request.
    await complete(page, await webhookSession(page.request, workflow, { customer: { email: "ada@example.com" } }), { fullName: "Ada Lovelace", plan: "pro", notes: "Call after five, please: the mornings are busy." });
    await complete(page, await directLinkSession(page.request, workflow), { email: "grace@example.com", plan: "basic" });
    await webhookSession(page.request, workflow, { customer: { email: "test@example.com" } }, true);
    expect((await page.request.post(workflow.hookUrl, { headers: { "Content-Type": "application/json" }, data: Buffer.from("{ not json") })).status()).toBe(422);

    await page.setViewportSize({ width, height: 900 });
    const base = `/workspaces/${builder.workspaceId}/workflows/${workflow.id}`;
    await page.goto(`${base}/sessions`);
    await expect(page.getByRole("heading", { name: /Live sessions/ })).toBeVisible();
    if (width >= 768) {
      const headers = await page.getByRole("columnheader").allTextContents();
      expect(headers).toEqual(["Started", "Status", "Started by", "Email", "Full name", "Plan", "Notes"]);
      const ada = page.getByTestId("session-row").filter({ hasText: "Ada Lovelace" });
      await expect(ada.getByRole("cell").nth(1)).toHaveText("Webhook");
      await expect(ada.getByRole("cell").nth(2)).toHaveText("ada@example.comPrefilled");
      await expect(ada.getByRole("cell").nth(3)).toHaveText("Ada Lovelace (typed)");
    } else {
      await expect(page.getByTestId("session-card")).toHaveCount(2);
      await expect(page.getByTestId("session-card").filter({ hasText: "Ada Lovelace" })).toContainText("ada@example.comPrefilled");
    }
    await checkPage(page, testInfo, "sessions");

    const rows = page.getByTestId(width >= 768 ? "session-row" : "session-card");
    await page.getByRole("link", { name: "Test", exact: true }).click();
    await expect(page.getByRole("heading", { name: /Test sessions/ })).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("test@example.comPrefilled");
    await checkPage(page, testInfo, "test sessions");

    await page.getByRole("link", { name: "Live", exact: true }).click();
    await rows.filter({ hasText: "Ada Lovelace" }).getByRole("link", { name: /open this session/ }).click();
    await expect(page.getByRole("heading", { name: /Session started/ })).toBeVisible();
    await expect(page.getByTestId("answer-email")).toContainText("ada@example.comPrefilled");
    await expect(page.getByTestId("answer-fullName")).toContainText("Ada LovelaceTyped");
    await expect(page.getByTestId("answer-plan")).toContainText("proTyped");
    await expect(page.getByText("Version 1", { exact: true })).toBeVisible();
    await checkPage(page, testInfo, "session detail");

    await page.goto(`${base}/deliveries`);
    await expect(page.getByTestId("delivery-row")).toHaveCount(3);
    await checkPage(page, testInfo, "deliveries");
    await page.getByTestId("delivery-row").first().locator("summary").click();
    await expect(page.getByText("Why").first()).toBeVisible();
    await checkPage(page, testInfo, "delivery opened");
  });
}
