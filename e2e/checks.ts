import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Checks every page of a journey gets: axe, no sideways scrolling, a screenshot to look at.

/** axe (WCAG 2.x A and AA): serious and critical violations fail, listed in the attachment. */
export async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  await testInfo.attach(`axe ${name}`, { body: JSON.stringify(serious, null, 2), contentType: "application/json" });
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), name).toEqual([]);
}

/** The page itself never scrolls sideways (code blocks and tables scroll inside their box). */
export async function expectNoHorizontalOverflow(page: Page, name: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${name}: page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
}

/** Attached to the report; also written to E2E_SCREENSHOT_DIR when set (to look at, or for docs/screenshots). */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true) {
  const body = await page.screenshot({ fullPage });
  await testInfo.attach(name, { body, contentType: "image/png" });
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}.png`), body);
  }
}

/** All three at once, for a page at its current width. */
export async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  const label = `${name} @${page.viewportSize()?.width ?? "?"}px`;
  await expectNoHorizontalOverflow(page, label);
  await expectNoSeriousViolations(page, testInfo, label);
  await attachScreenshot(page, testInfo, label);
}

export const WIDTHS = [390, 1280] as const;
