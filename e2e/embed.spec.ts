import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./fixtures";

// Embedding: the page's embed snippet starts a session server-side and prints the iframe; a
// portal on an allowed localhost port shows the form, one on another port gets it refused by
// the browser (CSP frame-ancestors). Builder pages refuse framing everywhere.

function portal(label: string, iframe: () => string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>${label}</title><h1>${label}</h1>${iframe()}`);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("the embed snippet's iframe loads on an allowed origin and is refused on another", async ({ page, builder }, testInfo) => {
  let iframe = "";
  const allowed = await portal("Allowed portal", () => iframe);
  const other = await portal("Other portal", () => iframe);
  const origin = (s: Server) => `http://localhost:${(s.address() as AddressInfo).port}`;
  try {
    await page.goto(`/workspaces/${builder.workspaceId}`);
    await page.getByLabel("Workflow name").fill("Embedded form");
    await page.getByRole("button", { name: "Create workflow" }).click();
    await page.waitForURL(/\/workflows\/[^/]+$/);
    const workflowUrl = page.url();

    await page.getByRole("button", { name: "Add origin" }).click();
    await page.getByLabel("Allowed origin 1").fill(origin(allowed));
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved.")).toBeVisible();
    await page.reload();
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByTestId("version-status")).toContainText("Live: version 1");

    await page.goto(`${workflowUrl}/webhook`);
    await expect(page.getByTestId("live-origins")).toContainText(origin(allowed));
    const snippet = (await page.getByTestId("embed-snippet").textContent())!;
    const dir = mkdtempSync(join(tmpdir(), "signet-e2e-embed-"));
    writeFileSync(join(dir, "embed.js"), snippet);
    iframe = await new Promise<string>((resolve, reject) =>
      execFile("node", [join(dir, "embed.js")], { timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim()),
      ),
    );
    expect(iframe).toMatch(/^<iframe id="signet-form" src="http:\/\/localhost:\d+\/s\/[^"]+\?embed=1"/);

    await page.goto(origin(allowed));
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("button").first()).toBeVisible();
    await testInfo.attach("embed-allowed", { body: await page.screenshot(), contentType: "image/png" });

    const refusals: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("frame-ancestors")) refusals.push(message.text());
    });
    await page.goto(origin(other));
    await expect(page.getByRole("heading", { name: "Other portal" })).toBeVisible();
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toContain(`frame-ancestors ${origin(allowed)}`);
    await expect(frame.getByRole("button")).toHaveCount(0);
    await testInfo.attach("embed-refused", { body: await page.screenshot(), contentType: "image/png" });

    // Builder pages send the deny-all policy; session pages send their own.
    const builderPage = await page.request.get(workflowUrl);
    expect(builderPage.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(builderPage.headers()["x-frame-options"]).toBe("DENY");
    const sessionPage = await page.request.get(/src="([^"]+)"/.exec(iframe)![1]!.replaceAll("&amp;", "&"));
    expect(sessionPage.headers()["content-security-policy"]).toMatch(new RegExp(`; frame-ancestors ${origin(allowed)}$`));
    expect(sessionPage.headers()["x-frame-options"]).toBeUndefined();
  } finally {
    allowed.close();
    other.close();
  }
});
