import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { apiTokenThroughUi, publishedWorkflow, webhookSession } from "./session-kit";

// After the session, in a portal: the builder sets a redirect template (checked as typed);
// a session embedded on an allowed origin tells its parent it is ready, which step it shows,
// how tall it is (the embed snippet's browser half sizes the iframe) and that it is completed,
// with the redirect URL, which the snippet's onComplete follows. A portal on another origin
// can't frame it and hears nothing. Opened on its own, the page goes to the redirect URL
// itself, JavaScript or not.

interface Recorded {
  origin: string;
  data: { type: string; [key: string]: unknown };
}

/** A portal page that frames `src` and records every message it gets (kept across its navigation). */
function portal(label: string, page: () => { src: string; browserSnippet: string }): Promise<Server> {
  const server = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    if (req.url?.startsWith("/thanks")) {
      res.end(`<!doctype html><title>Thanks</title><h1>Thanks from ${label}</h1>`);
      return;
    }
    const { src, browserSnippet } = page();
    res.end(`<!doctype html><title>${label}</title><h1>${label}</h1>
<script>
  sessionStorage.setItem("events", "[]");
  window.addEventListener("message", (event) => {
    const events = JSON.parse(sessionStorage.getItem("events"));
    events.push({ origin: event.origin, data: event.data });
    sessionStorage.setItem("events", JSON.stringify(events));
  });
</script>
<iframe id="signet-form" src="${src}" title="Form" style="width: 100%; height: 640px; border: 0"></iframe>
${browserSnippet}`);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const originOf = (s: Server) => `http://localhost:${(s.address() as AddressInfo).port}`;

const definition = (allowedOrigin: string) => ({
  trigger: { type: "webhook", allowedOrigins: [allowedOrigin] },
  steps: [
    {
      type: "form",
      id: "details",
      title: "Your details",
      fields: [
        { key: "email", label: "Email", type: "email", required: true },
        { key: "fullName", label: "Full name", type: "text", required: true },
        { key: "ref", label: "Reference", type: "hidden" },
      ],
    },
    {
      type: "form",
      id: "plan",
      title: "Your plan",
      fields: [{ key: "plan", label: "Plan", type: "select", required: true, options: [{ value: "basic", label: "Basic" }, { value: "pro", label: "Pro" }] }],
    },
  ],
  mapping: [
    { from: "customer.email", to: "email" },
    { from: "customer.ref", to: "ref" },
  ],
});

test("an embedded session posts its events to the allowed parent only, resizes its iframe, and hands over the redirect URL", async ({ page, browser, builder }, testInfo) => {
  let framed = { src: "", browserSnippet: "" };
  const allowed = await portal("Allowed portal", () => framed);
  const other = await portal("Other portal", () => framed);
  try {
    const token = await apiTokenThroughUi(page, builder.workspaceId);
    const workflow = await publishedWorkflow(page.request, token, "Portal form", definition(originOf(allowed)));
    const workflowUrl = `/workspaces/${builder.workspaceId}/workflows/${workflow.id}`;

    // The redirect template, in the builder: an unknown key is named as it is typed.
    await page.goto(workflowUrl);
    const template = page.getByLabel("Redirect URL after completion");
    await template.fill(`${originOf(allowed)}/thanks?ref={reference}`);
    await expect(page.getByText("Unknown field key {reference}")).toBeVisible();
    await template.fill(`${originOf(allowed)}/thanks?ref={ref}&name={fullName}`);
    await expect(page.getByText("Unknown field key")).toHaveCount(0);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved.")).toBeVisible();
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByTestId("version-status")).toContainText("Live: version 2");

    await page.goto(`${workflowUrl}/webhook`);
    const browserSnippet = (await page.getByTestId("embed-browser-snippet").textContent())!;
    expect(browserSnippet).toContain("onComplete");

    const sessionUrl = await webhookSession(page.request, workflow, { customer: { email: "ada@example.com", ref: "R&D/7" } });
    framed = { src: `${sessionUrl}?embed=1`, browserSnippet };
    const events = async () => JSON.parse((await page.evaluate(() => sessionStorage.getItem("events"))) ?? "[]") as Recorded[];

    await page.goto(originOf(allowed));
    const frame = page.frameLocator("#signet-form");
    await expect(frame.getByRole("heading", { name: "Your details" })).toBeVisible();
    await expect.poll(async () => (await events()).map((e) => e.data.type)).toEqual(expect.arrayContaining(["signet:ready", "signet:step", "signet:resize"]));
    const first = await events();
    expect(first.every((e) => e.origin === new URL(sessionUrl).origin)).toBe(true);
    expect(first.find((e) => e.data.type === "signet:step")?.data).toEqual({ type: "signet:step", index: 0, id: "details" });

    // The snippet sizes the iframe to its content, and again when the content grows.
    const iframe = page.locator("#signet-form");
    const contentHeight = () => page.frames().find((f) => f.url().startsWith(sessionUrl))!.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const fitsContent = async () => (await iframe.evaluate((el: HTMLIFrameElement) => el.style.height)) === `${await contentHeight()}px`;
    await expect.poll(fitsContent).toBe(true);
    const before = (await iframe.boundingBox())!.height;
    expect(before).toBeLessThan(640);
    await frame.getByRole("button", { name: "Continue" }).click(); // full name missing: errors make the page taller
    await expect(frame.getByText("This field is required", { exact: true })).toBeVisible();
    await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(before);
    await expect.poll(fitsContent).toBe(true);
    await testInfo.attach("embedded-step", { body: await page.screenshot(), contentType: "image/png" });

    await frame.getByLabel("Full name").fill("Ada Lovelace");
    await frame.getByRole("button", { name: "Continue" }).click();
    await expect(frame.getByRole("heading", { name: "Your plan" })).toBeVisible();
    await expect.poll(async () => (await events()).filter((e) => e.data.type === "signet:step").map((e) => e.data.id)).toContain("plan");
    await frame.getByRole("combobox", { name: /^Plan/ }).selectOption("pro");
    await frame.getByRole("button", { name: "Submit" }).click();

    // signet:completed reaches the parent; the snippet's onComplete follows the redirect URL.
    const redirectUrl = `${originOf(allowed)}/thanks?ref=R%26D%2F7&name=Ada%20Lovelace`;
    await page.waitForURL(redirectUrl);
    await expect(page.getByRole("heading", { name: "Thanks from Allowed portal" })).toBeVisible();
    const completed = (await events()).filter((e) => e.data.type === "signet:completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]!.data).toEqual({ type: "signet:completed", sessionId: expect.stringMatching(/\S/), redirectUrl });
    expect(completed[0]!.origin).toBe(new URL(sessionUrl).origin);

    // Another origin can't frame the page (CSP frame-ancestors) and gets no message from it.
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("frame-ancestors")) refusals.push(message.text());
    });
    await page.goto(originOf(other));
    await expect(page.getByRole("heading", { name: "Other portal" })).toBeVisible();
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(await events()).toEqual([]);

    // Not embedded, with JavaScript off: the completed page itself goes to the redirect URL.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    try {
      const participant = await plain.newPage();
      await participant.goto(await webhookSession(page.request, workflow, { customer: { email: "grace@example.com", ref: "G1" } }));
      await participant.getByLabel("Full name").fill("Grace Hopper");
      await participant.getByRole("button", { name: "Continue" }).click();
      await participant.getByRole("combobox", { name: /^Plan/ }).selectOption("basic");
      await participant.getByRole("button", { name: "Submit" }).click();
      await participant.waitForURL(`${originOf(allowed)}/thanks?ref=G1&name=Grace%20Hopper`);
      await expect(participant.getByRole("heading", { name: "Thanks from Allowed portal" })).toBeVisible();
    } finally {
      await plain.close();
    }
  } finally {
    allowed.close();
    other.close();
  }
});
