// Shared set-up for completion-webhook tests: a published two-step workflow, an endpoint on it,
// and sessions completed the way the participant page completes them.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { signUp } from "@/lib/auth/sign-up";
import { createEndpoint } from "@/lib/outbound-webhooks/create-endpoint";
import type { TEventType } from "@/lib/outbound-webhooks/schemas";
import { startDirectSession } from "@/lib/sessions/start-direct-session";
import { submitSessionStep } from "@/lib/sessions/submit-session-step";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";

export const TEST_KEYS = [{ id: "k1", key: randomBytes(32) }];

export const TWO_STEPS = {
  trigger: { type: "webhook" as const },
  steps: [
    { type: "form" as const, id: "about", title: "About you", fields: [{ type: "text" as const, key: "name", label: "Name", required: true }] },
    { type: "form" as const, id: "plan", title: "Plan", fields: [{ type: "text" as const, key: "plan", label: "Plan", required: true }] },
  ],
};

export async function workflowWithEndpoint(db: PrismaClient, url: string, events: TEventType[] = ["session.completed"]) {
  const user = await signUp(db, { email: `outbound-${randomBytes(5).toString("hex")}@example.com`, password: "correct horse battery staple" });
  const actor = { userId: user.userId };
  const wf = await createWorkflow(db, actor, user.workspaceId, { name: "Onboarding", definition: TWO_STEPS });
  await publishWorkflow(db, actor, wf.id);
  const { endpoint, secret } = await createEndpoint(db, actor, wf.id, { url, events }, { keys: TEST_KEYS });
  return { actor, workspaceId: user.workspaceId, workflow: wf, endpoint, secret };
}

/** Starts a session through the direct link and submits both steps; returns its id. */
export async function completeSession(db: PrismaClient, slug: string, name = "Ada"): Promise<string> {
  const { id, token } = await startDirectSession(db, slug);
  await submitSessionStep(db, token, 0, { name });
  await submitSessionStep(db, token, 1, { plan: "pro" });
  return id;
}
