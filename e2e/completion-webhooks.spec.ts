import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { checkPage } from "./checks";
import { expect, test } from "./fixtures";
import { apiTokenThroughUi, directLinkSession, publishedWorkflow } from "./session-kit";

// A builder adds a completion webhook pointing at a receiver this test runs, a participant
// completes a session, and the After completion tab shows the delivered attempt; Resend sends
// the same message (same webhook-id) again. The app runs with SIGNET_ALLOW_PRIVATE_TARGETS=1
// (playwright.config.ts), as a self-hosted receiver on the same machine needs.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signet`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test("a completion webhook is delivered, its attempt shown, and Resend sends it again", async ({ page, builder }, testInfo) => {
  const receiver = await startReceiver();
  try {
    const token = await apiTokenThroughUi(page, builder.workspaceId);
    const workflow = await publishedWorkflow(page.request, token, "Completion webhooks");
    const tab = `/workspaces/${builder.workspaceId}/workflows/${workflow.id}/completion`;

    await page.goto(tab);
    await expect(page.getByRole("link", { name: "After completion" })).toHaveAttribute("aria-current", "page");
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("endpoint-secret")).toHaveText(/^whsec_/);
    await expect(page.getByTestId("endpoint-card")).toContainText(receiver.url);

    // A participant completes a session.
    await page.goto(await directLinkSession(page.request, workflow));
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel(/^Plan/).selectOption("pro");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByTestId("session-completed")).toBeVisible();

    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
    const first = receiver.received[0]!;
    expect(JSON.parse(first.body)).toMatchObject({ type: "session.completed", data: { answers: { email: "ada@example.com", plan: "pro" } } });
    expect(String(first.headers["webhook-signature"])).toMatch(/^v1,/);

    // The attempt is recorded and shown.
    await expect(async () => {
      await page.goto(tab);
      await expect(page.getByTestId("outbound-attempt")).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const message = page.getByTestId("outbound-message");
    await expect(message).toContainText("delivered");
    await expect(message.getByTestId("outbound-attempt")).toContainText("HTTP 200");
    await expect(message.getByTestId("outbound-attempt")).toContainText("thanks");
    await checkPage(page, testInfo, "after completion");
    await page.setViewportSize({ width: 390, height: 900 });
    await checkPage(page, testInfo, "after completion");
    await page.setViewportSize({ width: 1280, height: 900 });

    await message.getByRole("button", { name: /^Resend/ }).click();
    await expect(message.getByRole("status")).toContainText("Queued");
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    await expect(async () => {
      await page.goto(tab);
      await expect(page.getByTestId("outbound-attempt")).toHaveCount(2, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await receiver.close();
  }
});
