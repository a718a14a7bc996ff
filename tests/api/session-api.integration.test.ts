// The session API for custom front-ends (/api/sessions/{token}/…): the token is the
// capability, answers go through the page's validation and save, the completion carries the
// redirect URL, and browsers get CORS only from the workflow's allowed origins.
import { beforeAll, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/sessions/[token]/route";
import * as stepRoute from "@/app/api/sessions/[token]/steps/[stepId]/route";
import * as workflowRoute from "@/app/api/v1/workflows/[id]/route";
import { insertSession } from "@/lib/sessions/session-repository";
import { showSessionPage } from "@/lib/sessions/session-page";
import { generateSessionToken } from "@/lib/sessions/session-token";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import type { TWorkflowDefinitionInput } from "@/lib/workflows/definition";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { call, ownerWithToken, setUpApiTestDb, type ApiCall } from "./api-test-kit";

// Low enough for the last test to reach (read lazily by getConfig, after this line).
process.env.SIGNET_SESSION_API_RATE_LIMIT = "100";

const t = setUpApiTestDb();
const PORTAL = "https://portal.example.com";

const definition: TWorkflowDefinitionInput = {
  trigger: { type: "webhook", allowedOrigins: [PORTAL] },
  steps: [
    {
      type: "form",
      id: "about",
      title: "About you",
      fields: [
        { type: "text", key: "name", label: "Name", required: true },
        { type: "email", key: "email", label: "Email", required: true },
        { type: "hidden", key: "ref", label: "Portal reference" },
      ],
    },
    {
      type: "form",
      id: "plan",
      title: "Your plan",
      fields: [
        { type: "select", key: "plan", label: "Plan", required: true, options: [{ value: "basic", label: "Basic" }, { value: "pro", label: "Pro" }] },
        { type: "number", key: "seats", label: "Seats", min: 1 },
      ],
    },
  ],
  completion: { redirectUrl: "https://portal.example.com/done?ref={ref}&name={name}" },
};

let actor: { userId: string };
let workspaceId: string;
let apiToken: string;
beforeAll(async () => {
  const owner = await ownerWithToken(t.db);
  actor = { userId: owner.userId };
  workspaceId = owner.workspaceId;
  apiToken = owner.token;
});

async function newSession(data: Record<string, unknown> = { email: "ada@example.com", ref: "A&B/7" }) {
  const wf = await createWorkflow(t.db.prisma, actor, workspaceId, { name: "Signup", definition });
  await publishWorkflow(t.db.prisma, actor, wf.id);
  const version = await t.db.prisma.workflowVersion.findFirstOrThrow({ where: { workflowId: wf.id }, select: { id: true } });
  const token = generateSessionToken();
  await insertSession(t.db.prisma, { workflowId: wf.id, versionId: version.id, token, test: false, source: "webhook", data: data as never });
  return token;
}

const get = (token: string, options: ApiCall = {}) => call(sessionRoute.GET, "GET", `/api/sessions/${token}`, { token }, options);
const answer = (token: string, stepId: string, answers: unknown, options: ApiCall = {}) =>
  call(stepRoute.POST, "POST", `/api/sessions/${token}/steps/${stepId}`, { token, stepId }, { body: { answers }, ...options });
const preflight = (token: string, origin: string) =>
  stepRoute.OPTIONS(
    new Request(`http://localhost:3000/api/sessions/${token}/steps/about`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } }),
    { params: Promise.resolve({ token }) },
  );

describe("GET /api/sessions/{token}", () => {
  it("answers the status, the current step's visible fields and its prefilled values", async () => {
    const token = await newSession();
    const result = await get(token);
    expect(result.status).toBe(200);
    expect(result.headers.get("cache-control")).toBe("no-store");
    expect(result.json).toEqual({
      status: "open",
      step: {
        index: 0,
        id: "about",
        title: "About you",
        fields: [
          { type: "text", key: "name", label: "Name", required: true },
          { type: "email", key: "email", label: "Email", required: true },
        ],
      },
      // The hidden field's value never leaves the server.
      values: { email: "ada@example.com" },
    });
  });

  it("is 404 for an unknown token", async () => {
    const result = await get(generateSessionToken());
    expect(result.status).toBe(404);
    expect(result.json.code).toBe("not_found");
  });
});

describe("POST /api/sessions/{token}/steps/{stepId}", () => {
  it("saves a step and answers the next one, then completes with the redirect URL filled in", async () => {
    const token = await newSession();
    const first = await answer(token, "about", { name: "Ada Lovelace", email: "ada@example.com", ref: "forged" });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: "open", step: { index: 1, id: "plan", title: "Your plan" }, values: {} });

    const done = await answer(token, "plan", { plan: "pro", seats: 3 });
    expect(done.status).toBe(200);
    // The hidden value is the prefilled one (a front-end can't overwrite it), URL-encoded.
    expect(done.json).toEqual({ status: "completed", step: null, values: {}, redirectUrl: "https://portal.example.com/done?ref=A%26B%2F7&name=Ada%20Lovelace" });

    const stored = await t.db.prisma.session.findUniqueOrThrow({ where: { token }, select: { status: true, data: true } });
    expect(stored).toEqual({ status: "completed", data: { name: "Ada Lovelace", email: "ada@example.com", ref: "A&B/7", plan: "pro", seats: 3 } });

    // GET and the participant's page agree.
    expect((await get(token)).json).toEqual(done.json);
    const page = await showSessionPage(t.db.prisma, token);
    expect(page.kind === "page" && page.view.redirectUrl).toBe(done.json.redirectUrl);
  });

  it("answers 422 with one issue per field and saves nothing", async () => {
    const token = await newSession({});
    const result = await answer(token, "about", { name: "", email: "not-an-email" });
    expect(result.status).toBe(422);
    expect(result.json.code).toBe("invalid_answers");
    expect(result.json.issues).toEqual([
      { path: ["answers", "name"], message: "This field is required" },
      { path: ["answers", "email"], message: expect.stringMatching(/email/i) },
    ]);
    expect((await get(token)).json.step.id).toBe("about");

    const malformed = await call(stepRoute.POST, "POST", `/api/sessions/${token}/steps/about`, { token, stepId: "about" }, { body: { answers: ["x"] } });
    expect(malformed.status).toBe(422);
    expect(malformed.json.issues[0].path).toEqual(["answers"]);
  });

  it("refuses a step that is not the current one (409) and one the form does not have (404)", async () => {
    const token = await newSession();
    const ahead = await answer(token, "plan", { plan: "pro" });
    expect(ahead.status).toBe(409);
    expect(ahead.json).toMatchObject({ code: "stale_step", error: expect.stringContaining('answer step "about"') });
    const unknown = await answer(token, "nope", {});
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe("step_not_found");
    expect((await get(token)).json.step.id).toBe("about");
  });

  it("takes one of two answers to the same step sent at once and refuses the other, which saves nothing", async () => {
    const token = await newSession();
    const results = await Promise.all([
      answer(token, "about", { name: "Ada", email: "ada@example.com" }),
      answer(token, "about", { name: "Bob", email: "bob@example.com" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.json.code).toBe("stale_step");
    const taken = results.indexOf(results.find((r) => r.status === 200)!);
    const stored = await t.db.prisma.session.findUniqueOrThrow({ where: { token }, select: { currentStep: true, data: true } });
    expect(stored).toEqual({ currentStep: 1, data: expect.objectContaining({ name: taken === 0 ? "Ada" : "Bob" }) });
  });

  it("refuses more answers once the session is completed", async () => {
    const token = await newSession();
    await answer(token, "about", { name: "Ada", email: "ada@example.com" });
    expect((await answer(token, "plan", { plan: "basic" })).status).toBe(200);
    const again = await answer(token, "plan", { plan: "pro" });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("session_completed");
    const stored = await t.db.prisma.session.findUniqueOrThrow({ where: { token }, select: { data: true } });
    expect((stored.data as { plan: string }).plan).toBe("basic");
  });
});

describe("the redirect template through the management API", () => {
  it("refuses an unknown key or a non-http(s) template with 422 naming it", async () => {
    const wf = await createWorkflow(t.db.prisma, actor, workspaceId, { name: "Templates", definition });
    for (const [redirectUrl, problem] of <const>[
      ["https://portal.example.com/done?x={nope}", "Unknown field key {nope}"],
      ["javascript:alert(1)//{name}", "must start with https:// or http://"],
    ]) {
      const result = await call(workflowRoute.PATCH, "PATCH", `/api/v1/workflows/${wf.id}`, { id: wf.id }, { token: apiToken, body: { definition: { ...definition, completion: { redirectUrl } } } });
      expect(result.status).toBe(422);
      expect(result.json.issues).toEqual([{ path: ["definition", "completion", "redirectUrl"], message: expect.stringContaining(problem) }]);
    }
  });
});

describe("CORS", () => {
  it("answers the workflow's allowed origin, with its preflight", async () => {
    const token = await newSession();
    const result = await get(token, { headers: { origin: PORTAL } });
    expect(result.status).toBe(200);
    expect(result.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(result.headers.get("vary")).toContain("Origin");

    const options = await preflight(token, PORTAL);
    expect(options.status).toBe(204);
    expect(options.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(options.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(options.headers.get("access-control-allow-headers")?.toLowerCase()).toBe("content-type");

    const posted = await answer(token, "about", { name: "Ada", email: "ada@example.com" }, { headers: { origin: PORTAL } });
    expect(posted.status).toBe(200);
    expect(posted.headers.get("access-control-allow-origin")).toBe(PORTAL);
    // Errors carry the header too, so the front-end can read them.
    const invalid = await answer(token, "plan", {}, { headers: { origin: PORTAL } });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("access-control-allow-origin")).toBe(PORTAL);
  });

  it("gives any other origin no CORS headers and refuses its requests", async () => {
    const token = await newSession();
    const other = "https://evil.example.com";
    const options = await preflight(token, other);
    expect(options.headers.get("access-control-allow-origin")).toBeNull();
    expect(options.headers.get("access-control-allow-methods")).toBeNull();

    const read = await get(token, { headers: { origin: other } });
    expect(read.status).toBe(403);
    expect(read.json.code).toBe("origin_not_allowed");
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
    const write = await answer(token, "about", { name: "Ada", email: "ada@example.com" }, { headers: { origin: other } });
    expect(write.status).toBe(403);
    expect((await get(token)).json.step.id).toBe("about");

    // Signet's own origin and servers (no Origin) are not cross-origin callers.
    expect((await get(token, { headers: { origin: "http://localhost:3000" } })).status).toBe(200);
  });
});

describe("rate limit", () => {
  // Last in the file: it spends the shared budget of the one client these calls count as.
  it("answers 429 with Retry-After, and CORS headers, once one client spends its budget", async () => {
    const token = await newSession();
    let limited: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 300 && !limited; i++) {
      const result = await get(token, { headers: { origin: PORTAL } });
      if (result.status === 429) limited = result;
      else expect(result.status).toBe(200);
    }
    expect(limited?.json.code).toBe("rate_limited");
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited?.headers.get("access-control-allow-origin")).toBe(PORTAL);
  });
});
