// A participant filling a session: each step validated on the server, a clear error per
// field with nothing saved on invalid input, progress saved per step, completion final.
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { AppError } from "@/lib/errors/app-error";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import type { TWorkflowDefinitionInput } from "@/lib/workflows/definition";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { getParticipantSession } from "./get-participant-session";
import { getSessionsTable } from "./sessions-table";
import { insertSession } from "./session-repository";
import { generateSessionToken } from "./session-token";
import { startDirectSession } from "./start-direct-session";
import { submitSessionStep } from "./submit-session-step";

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
        { type: "number", key: "age", label: "Age", min: 18 },
        { type: "date", key: "start", label: "Start date" },
      ],
    },
    {
      type: "form",
      id: "plan",
      title: "Your plan",
      fields: [
        { type: "select", key: "plan", label: "Plan", required: true, options: [{ value: "basic", label: "Basic" }, { value: "pro", label: "Pro" }] },
        { type: "checkbox", key: "terms", label: "I accept the terms", required: true },
        { type: "textarea", key: "notes", label: "Notes" },
      ],
    },
  ],
};

let n = 0;
async function publishedWorkflow(input: TWorkflowDefinitionInput = definition) {
  const user = await signUp(t.prisma, { email: `session-${++n}-${Date.now()}@example.com`, password: "correct horse battery staple" });
  const actor = { userId: user.userId };
  const wf = await createWorkflow(t.prisma, actor, user.workspaceId, { name: "Signup", definition: input });
  await publishWorkflow(t.prisma, actor, wf.id);
  return { actor, wf };
}

async function stored(token: string) {
  return t.prisma.session.findUniqueOrThrow({ where: { token }, select: { data: true, currentStep: true, status: true, completedAt: true } });
}

describe("session submission", () => {
  it("returns one clear error per invalid field and saves nothing", async () => {
    const { wf } = await publishedWorkflow();
    const { token } = await startDirectSession(t.prisma, wf.slug);
    const result = await submitSessionStep(t.prisma, token, 0, { name: "", email: "not-an-email", age: "12", start: "31/12/2024" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: "This field is required",
        email: '"not-an-email" is not a valid email address',
        age: "Must be at least 18",
        start: 'Expected a date like 2024-12-31, got "31/12/2024"',
      },
    });
    expect(await stored(token)).toMatchObject({ data: {}, currentStep: 0, status: "open", completedAt: null });
  });

  it("saves progress per step, then completes with coerced values, and stays completed", async () => {
    const { actor, wf } = await publishedWorkflow();
    const { token } = await startDirectSession(t.prisma, wf.slug);

    expect(await submitSessionStep(t.prisma, token, 0, { name: "Ada", email: " ada@example.com ", age: "36", start: "2025-01-15" })).toEqual({
      ok: true,
      completed: false,
      nextStep: 1,
      redirectUrl: null,
    });
    expect(await stored(token)).toMatchObject({
      data: { name: "Ada", email: "ada@example.com", age: 36, start: "2025-01-15" },
      currentStep: 1,
      status: "open",
    });
    const page = await getParticipantSession(t.prisma, token);
    expect(page.currentStep).toBe(1);
    expect(page.steps[1]!.title).toBe("Your plan");

    // Step 2 wrong: the unticked required checkbox and an unknown option; step 1 data kept.
    const invalid = await submitSessionStep(t.prisma, token, 1, { plan: "enterprise" });
    expect(invalid).toEqual({
      ok: false,
      fieldErrors: { plan: '"enterprise" is not one of the options (basic, pro)', terms: "Please tick this box to continue" },
    });
    expect(await stored(token)).toMatchObject({ currentStep: 1, status: "open", data: { name: "Ada", age: 36 } });

    expect(await submitSessionStep(t.prisma, token, 1, { plan: "pro", terms: "on", notes: "" })).toEqual({ ok: true, completed: true, nextStep: 2, redirectUrl: null });
    const done = await stored(token);
    expect(done.status).toBe("completed");
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.data).toEqual({ name: "Ada", email: "ada@example.com", age: 36, start: "2025-01-15", plan: "pro", terms: true });

    const again = await submitSessionStep(t.prisma, token, 1, { plan: "basic", terms: "on" }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe("CONFLICT");
    expect((await stored(token)).data).toMatchObject({ plan: "pro" });

    const live = await getSessionsTable(t.prisma, actor, wf.id, { test: false });
    expect(live.rows.map((s) => s.status)).toEqual(["completed"]);
    // Typed on the page: nothing marked prefilled.
    expect(Object.values(live.rows[0]!.answers).filter((a) => a.prefilled)).toEqual([]);
    expect((await getSessionsTable(t.prisma, actor, wf.id, { test: true })).rows).toEqual([]);
  });

  it("shows prefilled values, lets the participant clear an optional one, and keeps test sessions apart", async () => {
    const { actor, wf } = await publishedWorkflow();
    const version = await t.prisma.workflowVersion.findFirstOrThrow({ where: { workflowId: wf.id } });
    const token = generateSessionToken();
    await insertSession(t.prisma, {
      workflowId: wf.id,
      versionId: version.id,
      token,
      test: true,
      source: "webhook",
      data: { name: "Prefilled", email: "pre@example.com", age: 40, plan: "basic" },
    });
    const page = await getParticipantSession(t.prisma, token);
    expect(page.data).toEqual({ name: "Prefilled", email: "pre@example.com", age: 40, plan: "basic" });
    expect(page.test).toBe(true);

    await submitSessionStep(t.prisma, token, 0, { name: "Prefilled", email: "pre@example.com", age: "" });
    const data = (await stored(token)).data as Record<string, unknown>;
    expect(data).not.toHaveProperty("age");
    expect(data.plan).toBe("basic");

    const test = await getSessionsTable(t.prisma, actor, wf.id, { test: true });
    expect(test.rows).toHaveLength(1);
    // Columns in form order with labels; the untouched prefill stays marked, the cleared one is gone.
    expect(test.columns.map((c) => c.label)).toEqual(["Name", "Email", "Age", "Start date", "Plan", "I accept the terms", "Notes"]);
    expect(test.rows[0]!.answers).toEqual({
      name: { value: "Prefilled", prefilled: true },
      email: { value: "pre@example.com", prefilled: true },
      plan: { value: "basic", prefilled: true },
    });
    expect((await getSessionsTable(t.prisma, actor, wf.id, { test: false })).rows).toHaveLength(0);
  });

  it("never sends hidden values to the participant, and keeps hidden and read-only values whatever the browser submits", async () => {
    const { wf } = await publishedWorkflow({
      trigger: { type: "webhook" },
      steps: [
        {
          type: "form",
          id: "check",
          title: "Check",
          fields: [
            { type: "hidden", key: "customerId", label: "Customer id" },
            { type: "email", key: "email", label: "Email", required: true, readOnly: true },
            { type: "text", key: "account", label: "Account", required: true, readOnly: true },
            { type: "text", key: "name", label: "Name" },
          ],
        },
      ],
    });
    const version = await t.prisma.workflowVersion.findFirstOrThrow({ where: { workflowId: wf.id } });
    const token = generateSessionToken();
    await insertSession(t.prisma, { workflowId: wf.id, versionId: version.id, token, test: false, source: "webhook", data: { customerId: "cus_42", email: "ada@example.com" } });
    const page = await getParticipantSession(t.prisma, token);
    expect(page.prefill).toEqual({ email: "ada@example.com" });
    expect(page.data).toMatchObject({ customerId: "cus_42" });

    // A forged submit cannot change locked values; the empty read-only "account" does not block
    // the participant, who could not fill it.
    const result = await submitSessionStep(t.prisma, token, 0, { customerId: "cus_evil", email: "mallory@example.com", account: "x", name: "Ada" });
    expect(result).toEqual({ ok: true, completed: true, nextStep: 1, redirectUrl: null });
    expect((await stored(token)).data).toEqual({ customerId: "cus_42", email: "ada@example.com", name: "Ada" });
  });

  it("refuses a stale step from another window and an unknown token", async () => {
    const { wf } = await publishedWorkflow();
    const { token } = await startDirectSession(t.prisma, wf.slug);
    const stale = await submitSessionStep(t.prisma, token, 1, { plan: "pro", terms: "on" }).catch((e: unknown) => e);
    expect((stale as AppError).code).toBe("CONFLICT");
    expect(await stored(token)).toMatchObject({ status: "open", currentStep: 0, data: {} });

    const unknown = await getParticipantSession(t.prisma, generateSessionToken()).catch((e: unknown) => e);
    expect((unknown as AppError).code).toBe("NOT_FOUND");
  });
});
