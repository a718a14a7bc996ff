// The builder's preview prefills from the latest accepted test request: newest first, live and
// refused requests ignored, form bodies parsed as the pipeline parses them, and only for people
// who may see the workflow.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { AppError } from "@/lib/errors/app-error";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { insertDeliveries, type NewDelivery } from "./delivery-repository";
import { latestTestPayload } from "./latest-test-payload";

const t = useTestDatabase();
const user = (label: string) => signUp(t.prisma, { email: `${label}-${randomBytes(4).toString("hex")}@example.com`, password: "correct horse battery staple" });

function delivery(workflowId: string, at: number, body: string, over: Partial<NewDelivery> = {}): { id: string; delivery: NewDelivery } {
  const bytes = new TextEncoder().encode(body);
  return {
    id: `d${randomBytes(6).toString("hex")}`,
    delivery: {
      workflowId,
      receivedAt: new Date(Date.UTC(2026, 10, 1, 12, at)),
      test: true,
      outcome: "accepted",
      reasonCode: "accepted",
      status: 201,
      secretId: null,
      secretLast4: null,
      latencyMs: 3,
      sessionId: null,
      messageId: null,
      contentType: "application/json",
      headers: {},
      bodyLength: bytes.byteLength,
      bodySha256: "0".repeat(64),
      body: bytes,
      warnings: null,
      diagnosis: null,
      ...over,
    },
  };
}

describe("latestTestPayload", () => {
  it("is the newest accepted test request's parsed body, or null", async () => {
    const owner = await user("owner");
    const actor = { userId: owner.userId };
    const wf = await createWorkflow(t.prisma, actor, owner.workspaceId, { name: "Preview" });
    expect(await latestTestPayload(t.prisma, actor, wf.id)).toBeNull();

    await insertDeliveries(t.prisma, [
      delivery(wf.id, 1, '{"customer":{"email":"old@example.com"}}'),
      delivery(wf.id, 2, '{"customer":{"email":"ada@example.com"}}'),
      delivery(wf.id, 3, '{"customer":{"email":"live@example.com"}}', { test: false }),
      delivery(wf.id, 4, '{"customer":{"email":"refused@example.com"}}', { outcome: "rejected", reasonCode: "signature_mismatch", status: 401 }),
    ]);
    expect(await latestTestPayload(t.prisma, actor, wf.id)).toEqual({ customer: { email: "ada@example.com" } });

    await insertDeliveries(t.prisma, [delivery(wf.id, 5, "customer%5Bemail%5D=form%40example.com&plan=pro", { contentType: "application/x-www-form-urlencoded" })]);
    expect(await latestTestPayload(t.prisma, actor, wf.id)).toMatchObject({ plan: "pro" });
  });

  it("is refused to someone outside the workspace", async () => {
    const owner = await user("owner");
    const stranger = await user("stranger");
    const wf = await createWorkflow(t.prisma, { userId: owner.userId }, owner.workspaceId, { name: "Private" });
    const error = await latestTestPayload(t.prisma, { userId: stranger.userId }, wf.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});
