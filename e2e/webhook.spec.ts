import { signRequest } from "@/lib/hmac/sign";
import { ZHmacSettings } from "@/lib/hmac/schemas";
import { expect, test } from "./fixtures";

// The webhook journey: a partner's signed test request teaches the builder the payload's
// fields, the builder maps two of them and publishes, a live signed request starts a session
// whose URL opens prefilled. Signing is the Node code a partner would run (lib/hmac/sign).

const settings = ZHmacSettings.parse({ scheme: "prefixed-hex", enabled: true });

function signed(body: string, secret: string) {
  return { "Content-Type": "application/json", ...signRequest({ settings, secret, body: new TextEncoder().encode(body) }) };
}

test("signed test request → detected fields → map two → publish → live request → prefilled session", async ({ page, builder }, testInfo) => {
  // A workflow with HMAC on, published.
  await page.getByLabel("Workflow name").fill("Partner intake");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner intake" })).toBeVisible();
  const workflowId = /\/workflows\/([^/?#]+)/.exec(page.url())![1]!;
  const builderUrl = page.url();
  await page.getByLabel("Require HMAC-signed requests").check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();

  // A signing secret, through the REST API with a token made in the UI; then publish.
  await page.goto(`/workspaces/${builder.workspaceId}/settings/tokens`);
  await page.getByLabel("Token name").fill("e2e");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.locator("#new-api-token").inputValue();
  const auth = { Authorization: `Bearer ${token}` };
  const secretResponse = await page.request.post(`/api/v1/workflows/${workflowId}/secrets`, { headers: auth, data: {} });
  expect(secretResponse.status()).toBe(201);
  const { secret } = (await secretResponse.json()) as { secret: string };
  await page.goto(builderUrl);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 1");
  const workflow = (await (await page.request.get(`/api/v1/workflows/${workflowId}`, { headers: auth })).json()) as { hookUrl: string; testUrl: string };

  // The partner sends a signed test request; an unsigned one is refused even in test mode.
  const sample = JSON.stringify({ customer: { email: "sample@example.com", name: "Sample Name" }, order: { id: 7, items: [{ sku: "A-1" }] } });
  expect((await page.request.post(workflow.testUrl, { headers: { "Content-Type": "application/json" }, data: sample })).status()).toBe(401);
  const testResponse = await page.request.post(workflow.testUrl, { headers: signed(sample, secret), data: sample });
  expect(testResponse.status()).toBe(201);
  expect(await testResponse.json()).toMatchObject({ test: true, sessionUrl: expect.stringContaining("/s/") });

  // A test request signed over minified JSON but sent pretty-printed: the debugger explains it.
  const pretty = JSON.stringify(JSON.parse(sample), null, 2);
  expect((await page.request.post(workflow.testUrl, { headers: signed(sample, secret), data: pretty })).status()).toBe(401);

  // The builder sees the detected fields as suggestions and maps two of them.
  await page.goto(builderUrl);
  await expect(page.getByText("paths seen in test requests are suggested")).toBeVisible();
  const suggestions = page.locator("#detected-payload-paths option");
  await expect(suggestions).toHaveCount(5);
  await expect(page.locator('#detected-payload-paths option[value="customer.email"]')).toHaveText("email: sample@example.com");
  await expect(page.locator('#detected-payload-paths option[value="order.items[0].sku"]')).toHaveText("string: A-1");

  await page.getByRole("button", { name: "Add field to step 1" }).click();
  await page.getByRole("button", { name: /^Text/ }).click();

  await page.locator("#def-steps-0-fields-1-label").fill("Full name");
  await page.locator("#def-steps-0-fields-1-key").fill("fullName");
  // The detected fields are listed with type and example; "Map" adds a row, guessing the field.
  const detectedRow = page.getByTestId("detected-field").filter({ hasText: "customer.email" });
  await expect(detectedRow).toContainText("email");
  await expect(detectedRow).toContainText('"sample@example.com"');
  await page.getByRole("button", { name: "Map customer.email" }).click();
  await expect(page.getByLabel("Payload path 1")).toHaveValue("customer.email");
  await expect(page.getByLabel("Field 1", { exact: true })).toHaveValue("email");
  await expect(detectedRow).toContainText("Mapped");
  await page.getByRole("button", { name: "Map customer.name" }).click();
  await expect(page.getByLabel("Payload path 2")).toHaveValue("customer.name");
  await page.getByLabel("Field 2", { exact: true }).selectOption("fullName");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("version-status")).toHaveText("Live: version 2");
  await testInfo.attach("builder with mapping", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // A live request; its session URL opens with both values prefilled, byte-exact.
  const name = "Zoë Ñúñez 山田 😀";
  const live = JSON.stringify({ customer: { email: "zoe@example.com", name } });
  const liveResponse = await page.request.post(workflow.hookUrl, { headers: signed(live, secret), data: live });
  expect(liveResponse.status()).toBe(201);
  const { sessionUrl, test: isTest } = (await liveResponse.json()) as { sessionUrl: string; test: boolean };
  expect(isTest).toBe(false);
  await page.goto(sessionUrl);
  await expect(page.getByLabel("Email")).toHaveValue("zoe@example.com");
  await expect(page.getByLabel("Full name")).toHaveValue(name);
  await testInfo.attach("prefilled session", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The delivery log: every request, filterable; the failed test request has the debugger.
  await page.goto(`${builderUrl}/deliveries`);
  const rows = page.getByTestId("delivery-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText("201 accepted");
  await expect(rows.first()).toContainText("Live");
  await page.getByRole("group", { name: "Outcome" }).getByRole("link", { name: "Rejected" }).click();
  await expect(rows).toHaveCount(2);
  await page.getByRole("group", { name: "Mode" }).getByRole("link", { name: "Test" }).click();
  await expect(page).toHaveURL(/mode=test&outcome=rejected/);
  await rows.first().locator("summary").click();
  const debuggerPanel = rows.first().getByRole("region", { name: "Signature debugger" });
  await expect(debuggerPanel).toContainText(`${Buffer.byteLength(pretty)} bytes`);
  await expect(debuggerPanel).toContainText("the minified JSON of this body");
  await expect(debuggerPanel).not.toContainText(secret);
  await testInfo.attach("delivery log with debugger", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
