// The builder's view of sessions: which answers were prefilled (recorded when the webhook's
// group commit or the direct link creates the session), columns in form order with labels,
// live and test apart, and one session's detail by step.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { makeDeps, makeOwner, publishedHook, send, bodyOf } from "@/tests/inbound-webhooks/hook-test-kit";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { getSessionDetail } from "./get-session-detail";
import { postSessionPage } from "./session-page";
import { getSessionsTable } from "./sessions-table";
import { startDirectSession } from "./start-direct-session";

const t = useTestDatabase();

const STEPS = [
  {
    type: "form",
    id: "details",
    title: "Your details",
    fields: [
      { type: "text", key: "name", label: "Full name" },
      { type: "email", key: "email", label: "Email", required: true },
      { type: "hidden", key: "crmId", label: "CRM id" },
    ],
  },
  { type: "form", id: "extra", title: "A little more", fields: [{ type: "textarea", key: "notes", label: "Notes" }] },
];
const MAPPING = [
  { from: "customer.email", to: "email" },
  { from: "customer.id", to: "crmId" },
];

const tokenOf = (sessionUrl: string) => sessionUrl.split("/s/")[1]!;
const form = (values: Record<string, string>) => new URLSearchParams(values);

describe("sessions table and detail", () => {
  it("marks answers from the payload as prefilled and typed ones as typed, in form order, test apart from live", async () => {
    const owner = await makeOwner(t);
    const { workflowId, hookId } = await publishedHook(t, owner, { enabled: false }, { steps: STEPS, mapping: MAPPING });
    const deps = makeDeps(t);

    const live = await send(deps, { hookId, body: JSON.stringify({ customer: { email: "ada@example.com", id: "cus_1" } }) });
    expect(live.status).toBe(201);
    const token = tokenOf(bodyOf(live).sessionUrl!);
    // The participant types a name, keeps the prefilled email, then adds a note.
    expect(await postSessionPage(t.prisma, token, form({ $step: "0", name: "Ada Lovelace", email: "ada@example.com" }))).toEqual({ kind: "redirect" });
    await postSessionPage(t.prisma, token, form({ $step: "1", notes: "Call after 5" }));
    const test = await send(deps, { hookId, test: true, body: JSON.stringify({ customer: { email: "test@example.com" } }) });
    expect(test.status).toBe(201);
    const { token: directToken } = await startDirectSession(t.prisma, (await t.prisma.workflow.findUniqueOrThrow({ where: { id: workflowId }, select: { slug: true } })).slug);
    await postSessionPage(t.prisma, directToken, form({ $step: "0", email: "typed@example.com" }));

    const table = await getSessionsTable(t.prisma, owner.actor, workflowId, { test: false });
    expect(table.columns).toEqual([
      { key: "name", label: "Full name", hidden: false },
      { key: "email", label: "Email", hidden: false },
      { key: "crmId", label: "CRM id", hidden: true },
      { key: "notes", label: "Notes", hidden: false },
    ]);
    expect(table.rows.map((r) => r.answers)).toEqual([
      { email: { value: "typed@example.com", prefilled: false } },
      {
        name: { value: "Ada Lovelace", prefilled: false },
        email: { value: "ada@example.com", prefilled: true },
        crmId: { value: "cus_1", prefilled: true },
        notes: { value: "Call after 5", prefilled: false },
      },
    ]);
    const tests = await getSessionsTable(t.prisma, owner.actor, workflowId, { test: true });
    expect(tests.rows.map((r) => r.answers)).toEqual([{ email: { value: "test@example.com", prefilled: true } }]);

    const detail = await getSessionDetail(t.prisma, owner.actor, workflowId, table.rows[1]!.id);
    expect(detail).toMatchObject({ status: "completed", test: false, source: "webhook", version: { number: 1, test: false }, currentStep: null });
    expect(detail.completedAt).toBeInstanceOf(Date);
    expect(detail.steps.map((s) => ({ title: s.title, reached: s.reached, fields: s.fields.map((f) => [f.label, f.type, f.answer]) }))).toEqual([
      {
        title: "Your details",
        reached: true,
        fields: [
          ["Full name", "text", { value: "Ada Lovelace", prefilled: false }],
          ["Email", "email", { value: "ada@example.com", prefilled: true }],
          ["CRM id", "hidden", { value: "cus_1", prefilled: true }],
        ],
      },
      { title: "A little more", reached: true, fields: [["Notes", "textarea", { value: "Call after 5", prefilled: false }]] },
    ]);
    const open = await getSessionDetail(t.prisma, owner.actor, workflowId, table.rows[0]!.id);
    expect(open).toMatchObject({ status: "open", source: "direct_link", currentStep: { index: 1, title: "A little more" } });
    expect(open.steps.map((s) => s.reached)).toEqual([true, false]);
  });

  it("a session is not found through another workflow or by someone outside the workspace", async () => {
    const owner = await makeOwner(t);
    const stranger = await makeOwner(t, "stranger");
    const first = await publishedHook(t, owner, { enabled: false }, { steps: STEPS, mapping: MAPPING });
    const second = await publishedHook(t, owner, { enabled: false }, { steps: STEPS, mapping: MAPPING });
    const created = await send(makeDeps(t), { hookId: first.hookId, body: JSON.stringify({ customer: { email: "ada@example.com" } }) });
    const sessionId = bodyOf(created).sessionId!;
    const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));
    expect(await code(getSessionDetail(t.prisma, owner.actor, first.workflowId, sessionId))).toBe("ok");
    expect(await code(getSessionDetail(t.prisma, owner.actor, second.workflowId, sessionId))).toBe("NOT_FOUND");
    expect(await code(getSessionDetail(t.prisma, stranger.actor, first.workflowId, sessionId))).toBe("NOT_FOUND");
    expect(await code(getSessionsTable(t.prisma, stranger.actor, first.workflowId, { test: false }))).toBe("NOT_FOUND");
  });
});
