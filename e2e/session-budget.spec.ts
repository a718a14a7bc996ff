import { BUILDER_MARKERS, kib, measureColdScriptLoad, SESSION_SCRIPT_BUDGET_BYTES } from "../tests/helpers/script-bytes";
import { expect, test } from "./fixtures";
import { apiTokenThroughUi, directLinkSession, publishedWorkflow } from "./session-kit";

// The session page's JavaScript budget, as `npm run bench` measures it (bench/session-bundle.ts):
// participants open it on phones, so a cold load of a two-field session fetches at most
// 200 KiB of JavaScript (uncompressed) at 390 and at 1280 px, prefetches nothing and carries
// no builder code. A size, not a timing: it fails the same way on any machine.

const TWO_FIELDS = {
  trigger: { type: "webhook" },
  steps: [{ type: "form", id: "details", title: "Your details", fields: [
    { key: "email", label: "Email", type: "email", required: true },
    { key: "name", label: "Name", type: "text" },
  ] }],
  mapping: [],
};

test("a cold load of a two-field session page stays within 200 KiB of JavaScript at 390 and 1280 px", async ({ browser, page, builder }, testInfo) => {
  const token = await apiTokenThroughUi(page, builder.workspaceId);
  const workflow = await publishedWorkflow(page.request, token, "Budget", TWO_FIELDS);
  for (const width of [390, 1280]) {
    const url = await directLinkSession(page.request, workflow);
    const load = await measureColdScriptLoad(browser, url, width, { bodies: true });
    await testInfo.attach(`scripts @${width}px`, {
      body: JSON.stringify({ total: kib(load.scriptBytes), inline: kib(load.inlineBytes), scripts: load.scripts.map((s) => ({ url: s.url, size: kib(s.bytes) })) }, null, 2),
      contentType: "application/json",
    });
    expect(load.scriptBytes, `${kib(load.scriptBytes)} at ${width}px`).toBeLessThanOrEqual(SESSION_SCRIPT_BUDGET_BYTES);
    expect(load.prefetches, "router prefetches").toBe(0);
    for (const marker of BUILDER_MARKERS) {
      expect(load.scripts.filter((s) => s.text?.includes(marker)).map((s) => s.url), `builder code ("${marker}")`).toEqual([]);
    }
  }
});
