// The participant's page as plain HTML forms: what a GET shows and what each POST (Continue,
// Back, a stale tab, a broken post) does to the stored session.
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import type { TWorkflowDefinitionInput } from "@/lib/workflows/definition";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { insertSession } from "./session-repository";
import { INTENT_INPUT, STEP_INPUT } from "./session-form-names";
import { postSessionPage, readSessionForm, showSessionPage, type SessionPageResult } from "./session-page";
import { generateSessionToken } from "./session-token";

const t = useTestDatabase();

const definition: TWorkflowDefinitionInput = {
  trigger: { type: "webhook" },
  steps: [
    {
      type: "form",
      id: "about",
      title: "About you",
      fields: [
        { type: "text", key: "name", label: "Name", required: true },
        { type: "email", key: "email", label: "Email", required: true },
      ],
    },
    {
      type: "form",
      id: "plan",
      title: "Your plan",
      fields: [
        { type: "select", key: "plan", label: "Plan", required: true, options: [{ value: "basic", label: "Basic" }, { value: "pro", label: "Pro" }] },
        { type: "number", key: "seats", label: "Seats", min: 1 },
        { type: "checkbox", key: "newsletter", label: "Newsletter" },
      ],
    },
    { type: "form", id: "notes", title: "Anything else?", fields: [{ type: "textarea", key: "notes", label: "Notes" }] },
  ],
};

let n = 0;
async function newSession(data: Record<string, unknown> = {}) {
  const user = await signUp(t.prisma, { email: `page-${++n}-${Date.now()}@example.com`, password: "correct horse battery staple" });
  const actor = { userId: user.userId };
  const wf = await createWorkflow(t.prisma, actor, user.workspaceId, { name: "Signup", definition });
  await publishWorkflow(t.prisma, actor, wf.id);
  const version = await t.prisma.workflowVersion.findFirstOrThrow({ where: { workflowId: wf.id }, select: { id: true } });
  const token = generateSessionToken();
  await insertSession(t.prisma, { workflowId: wf.id, versionId: version.id, token, test: false, source: "webhook", data: data as never });
  return token;
}

const post = (token: string, step: number, values: Record<string, string>, intent?: "next" | "back") =>
  postSessionPage(t.prisma, token, new URLSearchParams({ [STEP_INPUT]: String(step), ...(intent ? { [INTENT_INPUT]: intent } : {}), ...values }));

async function stored(token: string) {
  return t.prisma.session.findUniqueOrThrow({ where: { token }, select: { data: true, currentStep: true, status: true } });
}

function page(result: SessionPageResult) {
  if (result.kind !== "page") throw new Error(`expected a page, got ${result.kind}`);
  return result;
}

describe("session page", () => {
  it("shows the current step with only that step's values, and 404s an unknown token", async () => {
    const token = await newSession({ name: "Ada", plan: "pro" });
    const shown = page(await showSessionPage(t.prisma, token));
    expect(shown.status).toBe(200);
    expect(shown.view).toMatchObject({ stepIndex: 0, status: "open", values: { name: "Ada" }, steps: [{ id: "about" }, { id: "plan" }, { id: "notes" }] });
    expect(shown.view.values).not.toHaveProperty("plan");
    expect(JSON.parse(JSON.stringify(shown.view))).toEqual(shown.view); // plain JSON: page props
    expect(await showSessionPage(t.prisma, generateSessionToken())).toEqual({ kind: "not_found" });
  });

  it("Continue saves and redirects; invalid input is a 422 with what was typed and nothing saved", async () => {
    const token = await newSession();
    const invalid = page(await post(token, 0, { name: "", email: "nope" }));
    expect(invalid.status).toBe(422);
    expect(invalid.view).toMatchObject({ submitted: true, values: { name: "", email: "nope" }, fieldErrors: { name: "This field is required" } });
    expect(invalid.view.message?.text).toBe("Please fix the 2 fields marked below.");
    expect(await stored(token)).toMatchObject({ currentStep: 0, data: {} });

    expect(await post(token, 0, { name: "Ada", email: "ada@example.com" }, "next")).toEqual({ kind: "redirect" });
    expect(await stored(token)).toMatchObject({ currentStep: 1, data: { name: "Ada", email: "ada@example.com" } });
  });

  it("Back keeps the earlier answers and the valid ones typed on the step being left", async () => {
    const token = await newSession({ seats: 3, newsletter: true });
    await post(token, 0, { name: "Ada", email: "ada@example.com" });
    // On step 2: a valid plan, an invalid seat count, the newsletter box unticked. Back.
    expect(await post(token, 1, { plan: "pro", seats: "0" }, "back")).toEqual({ kind: "redirect" });
    expect(await stored(token)).toEqual({
      status: "open",
      currentStep: 0,
      // seats "0" fails min 1: the earlier valid 3 stays; the unticked box is an answer (false).
      data: { name: "Ada", email: "ada@example.com", plan: "pro", seats: 3, newsletter: false },
    });
    const back = page(await showSessionPage(t.prisma, token));
    expect(back.view).toMatchObject({ stepIndex: 0, values: { name: "Ada", email: "ada@example.com" } });

    // Forward again: step 2 shows what was kept; clearing a value on Back removes it.
    await post(token, 0, { name: "Ada", email: "ada@example.com" });
    expect(page(await showSessionPage(t.prisma, token)).view.values).toEqual({ plan: "pro", seats: 3, newsletter: false });
    await post(token, 1, { plan: "", seats: "" }, "back");
    expect((await stored(token)).data).toEqual({ name: "Ada", email: "ada@example.com", newsletter: false });
  });

  it("Back on the first step changes nothing; a completed session can't go back", async () => {
    const token = await newSession();
    expect(await post(token, 0, { name: "Ada" }, "back")).toEqual({ kind: "redirect" });
    expect(await stored(token)).toMatchObject({ currentStep: 0, data: {} });

    await post(token, 0, { name: "Ada", email: "ada@example.com" });
    await post(token, 1, { plan: "basic" });
    expect(await post(token, 2, { notes: "thanks" })).toEqual({ kind: "redirect" });
    expect(await stored(token)).toMatchObject({ status: "completed" });
    const refused = page(await post(token, 2, { notes: "more" }, "back"));
    expect(refused.status).toBe(409);
    expect(refused.view).toMatchObject({ status: "completed", message: { tone: "info", text: "This form was already submitted." } });
    expect((await stored(token)).data).toMatchObject({ notes: "thanks" });
  });

  it("a step posted from an old tab shows where the session is now (409); a post without its step is a 400", async () => {
    const token = await newSession();
    await post(token, 0, { name: "Ada", email: "ada@example.com" });
    const stale = page(await post(token, 0, { name: "Eve", email: "eve@example.com" }));
    expect(stale.status).toBe(409);
    expect(stale.view).toMatchObject({ stepIndex: 1, message: { tone: "info" } });
    expect((await stored(token)).data).toMatchObject({ name: "Ada" });

    const broken = page(await postSessionPage(t.prisma, token, new URLSearchParams({ plan: "pro" })));
    expect(broken.status).toBe(400);
    expect(await stored(token)).toMatchObject({ currentStep: 1 });
  });
});

describe("readSessionForm", () => {
  it("keeps our controls apart from field values and takes the first of a repeated name", () => {
    const form = new URLSearchParams([
      ["$step", "2"],
      ["$intent", "back"],
      ["name", "first"],
      ["name", "second"],
      ["$other", "x"],
    ]);
    expect(readSessionForm(form)).toEqual({ intent: "back", stepIndex: 2, values: { name: "first" } });
    expect(readSessionForm(new URLSearchParams({ $step: "-1" })).stepIndex).toBeNull();
    expect(readSessionForm(new URLSearchParams({ $step: "1.5", $intent: "sideways" }))).toEqual({ intent: "next", stepIndex: null, values: {} });
  });
});
