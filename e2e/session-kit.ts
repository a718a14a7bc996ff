import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "./fixtures";

// Setting up what a participant's journey needs through the app's own API: a token made in the
// UI, a published workflow, sessions started by webhook (prefilled) or by the direct link.

export interface PublishedWorkflow {
  id: string;
  hookUrl: string;
  testUrl: string;
  directLinkUrl: string;
}

export const TWO_STEPS = {
  trigger: { type: "webhook" },
  steps: [
    {
      type: "form",
      id: "details",
      title: "Your details",
      fields: [
        { key: "email", label: "Email", type: "email", required: true },
        { key: "fullName", label: "Full name", type: "text" },
      ],
    },
    {
      type: "form",
      id: "plan",
      title: "Your plan",
      fields: [
        { key: "plan", label: "Plan", type: "select", required: true, options: [{ value: "basic", label: "Basic" }, { value: "pro", label: "Pro" }] },
        { key: "notes", label: "Notes", type: "textarea" },
      ],
    },
  ],
  mapping: [{ from: "customer.email", to: "email" }],
};

export async function apiTokenThroughUi(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/workspaces/${workspaceId}/settings/tokens`);
  await page.getByLabel("Token name").fill("e2e");
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.locator("#new-api-token");
  await expect(field).toHaveValue(/^sig_/);
  return field.inputValue();
}

export async function publishedWorkflow(request: APIRequestContext, token: string, name: string, definition: unknown = TWO_STEPS): Promise<PublishedWorkflow> {
  const headers = { Authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/workflows", { headers, data: { name, definition } });
  expect(created.status(), await created.text()).toBe(201);
  const workflow = (await created.json()) as PublishedWorkflow;
  expect((await request.post(`/api/v1/workflows/${workflow.id}/publish`, { headers, data: {} })).status()).toBe(200);
  return workflow;
}

/** A session started by a webhook (HMAC off), prefilled from `payload`; its URL. */
export async function webhookSession(request: APIRequestContext, workflow: PublishedWorkflow, payload: unknown, test = false): Promise<string> {
  const response = await request.post(test ? workflow.testUrl : workflow.hookUrl, { data: payload });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { sessionUrl: string }).sessionUrl;
}

/** A session started from the direct link, as a visitor would; its URL. */
export async function directLinkSession(request: APIRequestContext, workflow: PublishedWorkflow): Promise<string> {
  const response = await request.get(workflow.directLinkUrl, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return response.headers()["location"]!;
}
