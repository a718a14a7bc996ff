import { readFileSync } from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import { signRequest } from "@/lib/hmac/sign";
import { ZHmacSettings } from "@/lib/hmac/schemas";
import { checkPage, WIDTHS } from "./checks";
import { expect, test } from "./fixtures";

// Insights as a builder meets them: a partner's traffic (accepted, test, refused for three
// reasons), participants who finish or drop out, then the workspace home's sparkline, the
// workflow overview (chart, funnel, top rejections with links into the log), the sessions
// export and the audit log; each page at 1280 and 390 px, screenshotted and checked with axe.

const settings = ZHmacSettings.parse({ scheme: "prefixed-hex", enabled: true });

/** At both widths: no sideways scroll of the page, axe clean, a full-page screenshot attached. */
async function checkAtBothWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await checkPage(page, testInfo, name);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("overview, workspace home, export and audit log show a workflow's real traffic", async ({ page, builder }, testInfo) => {
  test.setTimeout(180_000);
  // The charts draw with SVG attributes only: the pages' CSP refuses style attributes.
  const cspErrors: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await page.goto(`/workspaces/${builder.workspaceId}/settings/tokens`);
  await page.getByLabel("Token name").fill("insights e2e");
  await page.getByRole("button", { name: "Create token" }).click();
  const auth = { Authorization: `Bearer ${await page.locator("#new-api-token").inputValue()}` };

  const created = await page.request.post("/api/v1/workflows", {
    headers: auth,
    data: {
      name: "Partner onboarding",
      definition: {
        trigger: { type: "webhook", hmac: { enabled: true, scheme: "prefixed-hex" } },
        steps: [
          { type: "form", id: "details", title: "Your details", fields: [{ type: "email", key: "email", label: "Email", required: true }, { type: "text", key: "company", label: "Company" }] },
          { type: "form", id: "plan", title: "Plan", fields: [{ type: "text", key: "notes", label: "Notes" }] },
        ],
        mapping: [{ from: "customer.email", to: "email" }, { from: "customer.company", to: "company" }],
      },
    },
  });
  expect(created.status()).toBe(201);
  const workflow = (await created.json()) as { id: string; hookUrl: string; testUrl: string };
  const { secret } = (await (await page.request.post(`/api/v1/workflows/${workflow.id}/secrets`, { headers: auth, data: {} })).json()) as { secret: string };
  expect((await page.request.post(`/api/v1/workflows/${workflow.id}/publish`, { headers: auth, data: {} })).status()).toBe(200);

  // The partner's traffic.
  const send = async (url: string, payload: unknown, key: string | null) => {
    const body = JSON.stringify(payload);
    const headers = { "Content-Type": "application/json", ...(key ? signRequest({ settings, secret: key, body: new TextEncoder().encode(body) }) : {}) };
    return page.request.post(url, { headers, data: body });
  };
  const sessionUrls: string[] = [];
  for (let i = 0; i < 5; i++) {
    const answer = await send(workflow.hookUrl, { customer: { email: `p${i}@example.com`, company: i === 0 ? "=HYPERLINK(\"x\")" : `Zoë & Co ${i}` } }, secret);
    expect(answer.status()).toBe(201);
    sessionUrls.push(((await answer.json()) as { sessionUrl: string }).sessionUrl);
  }
  expect((await send(workflow.testUrl, { customer: { email: "t@example.com" } }, secret)).status()).toBe(201);
  for (let i = 0; i < 3; i++) expect((await send(workflow.hookUrl, { customer: { email: "x@example.com" } }, `${secret}x`)).status()).toBe(401);
  for (let i = 0; i < 2; i++) expect((await send(workflow.hookUrl, { customer: { email: "x@example.com" } }, null)).status()).toBe(401);

  // Participants: two finish, one stops on step 2, two never start.
  for (const [index, url] of sessionUrls.slice(0, 3).entries()) {
    await page.goto(url);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Notes")).toBeVisible();
    if (index === 2) continue;
    await page.getByLabel("Notes").fill(`done ${index}`);
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByRole("heading", { name: /thank/i })).toBeVisible();
  }

  // Workspace home: the workflow with its sparkline now opens on its overview.
  await page.goto(`/workspaces/${builder.workspaceId}`);
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Partner onboarding" }) });
  await expect(row.getByTestId("activity-sparkline")).toContainText("5 sessions");
  await expect(row.getByTestId("activity-sparkline")).toContainText("5 rejected");
  await expect(row.getByRole("img")).toHaveAccessibleName(/last 7 days: 5 live sessions and 5 rejected requests/);
  await checkAtBothWidths(page, testInfo, "workspace home");
  await row.getByRole("link", { name: "Partner onboarding" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

  // Overview: 10 live deliveries today, the funnel, and the reasons with their fixes.
  await page.getByRole("group", { name: "Range" }).getByRole("link", { name: "24h" }).click();
  await expect(page).toHaveURL(/range=24h&mode=live/);
  await expect(page.getByTestId("deliveries-chart")).toHaveAccessibleName(/10 deliveries, 5 accepted, 0 duplicate, 5 rejected/);
  await expect(page.getByTestId("funnel-stage")).toHaveText([/Started · step 1: Your details\s*5 \(100 %\)/, /Reached step 2: Plan\s*3 \(60 %\)/, /Completed\s*2 \(40 %\)/]);
  await expect(page.getByTestId("completion-rate")).toHaveText("40 %");
  await expect(page.getByTestId("median-time")).not.toHaveText("–");
  const reasons = page.getByTestId("top-rejection");
  await expect(reasons).toHaveCount(2);
  await expect(reasons.first()).toContainText("Signature mismatch");
  await expect(reasons.first()).toContainText("Fix: Sign the exact raw body bytes");
  await page.getByText("Show the numbers as a table").click();
  await expect(page.getByRole("region", { name: /per hour/ }).getByRole("row")).toHaveCount(25);
  await checkAtBothWidths(page, testInfo, "overview");

  await reasons.first().getByRole("link", { name: /Show them in the delivery log/ }).click();
  await expect(page).toHaveURL(/deliveries\?mode=live&outcome=rejected&reason=signature_mismatch/);
  await expect(page.getByTestId("delivery-row")).toHaveCount(3);
  await expect(page.getByText("Reason: Signature mismatch")).toBeVisible();

  // The test mode has its own numbers.
  await page.goto(`/workspaces/${builder.workspaceId}/workflows/${workflow.id}/overview?range=24h&mode=test`);
  await expect(page.getByTestId("deliveries-chart")).toHaveAccessibleName(/1 deliveries, 1 accepted/);

  // Export from the Sessions tab: a CSV download of the live sessions, formula neutralised.
  await page.goto(`/workspaces/${builder.workspaceId}/workflows/${workflow.id}/sessions`);
  await checkAtBothWidths(page, testInfo, "sessions with export");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^partner-onboarding-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe("sessionId,status,test,createdAt,completedAt,Email,Company,Notes,prefilled");
  expect(lines).toHaveLength(6);
  expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  expect(csv).toContain("Zoë & Co 1");

  // The audit log: who created the secret and the token, who published with HMAC on.
  await page.goto(`/workspaces/${builder.workspaceId}/audit`);
  const events = page.getByTestId("audit-event");
  await expect(events.filter({ hasText: "Signing secret created" })).toContainText(`${builder.email}`);
  await expect(events.filter({ hasText: "HMAC authentication turned on" })).toContainText("Partner onboarding");
  await expect(events.filter({ hasText: "API token created" })).toContainText("insights e2e");
  await page.getByLabel("Action").selectOption("secret.created");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=secret\.created/);
  await expect(events).toHaveCount(1);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(events).toHaveCount(5);
  await checkAtBothWidths(page, testInfo, "audit log");
  expect(cspErrors).toEqual([]);
});
