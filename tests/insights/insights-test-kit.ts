// Fixtures for the insights tests: a published three-step workflow, and deliveries and
// sessions written straight into their tables at chosen times (the overview reads times the
// app stamped; tests choose them so every expected number can be counted by hand).
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/auth/sign-up";
import type { DeliveryOutcome } from "@/lib/generated/prisma/client";
import { prefilledKeys } from "@/lib/sessions/prefilled-keys";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import type { TestDb } from "@/tests/helpers/test-db";

// Only the client is needed, so a database the test opened itself works too.
type Db = Pick<TestDb, "prisma">;

export const THREE_STEPS = [
  { type: "form", id: "details", title: "Your details", fields: [{ type: "email", key: "email", label: "Email", required: true }, { type: "text", key: "name", label: "Full name" }] },
  { type: "form", id: "address", title: "Address", fields: [{ type: "text", key: "city", label: "City" }] },
  { type: "form", id: "confirm", title: "Confirm", fields: [{ type: "number", key: "amount", label: "Amount" }, { type: "checkbox", key: "agree", label: "I agree" }] },
];

export async function ownerOf(db: Db, label = "owner") {
  const user = await signUp(db.prisma, { email: `${label}-${randomBytes(4).toString("hex")}@example.com`, password: "correct horse battery" });
  return { actor: { userId: user.userId }, workspaceId: user.workspaceId, email: user.email };
}

export async function publishedWorkflow(db: Db, owner: Awaited<ReturnType<typeof ownerOf>>, name = "Onboarding", steps: unknown[] = THREE_STEPS) {
  const wf = await createWorkflow(db.prisma, owner.actor, owner.workspaceId, {
    name,
    definition: { trigger: { type: "webhook", hmac: { enabled: false, scheme: "prefixed-hex" } }, steps, mapping: [] },
  });
  await publishWorkflow(db.prisma, owner.actor, wf.id);
  const version = await db.prisma.workflowVersion.findFirstOrThrow({ where: { workflowId: wf.id }, orderBy: { version: "desc" }, select: { id: true } });
  return { id: wf.id, versionId: version.id };
}

export interface SeedDelivery {
  receivedAt: Date;
  test: boolean;
  outcome: DeliveryOutcome;
  reasonCode: string;
}

let seq = 0;
export async function insertDeliveries(db: Db, workflowId: string, rows: SeedDelivery[]) {
  await db.prisma.delivery.createMany({
    data: rows.map((r) => ({
      id: `d${(seq++).toString(36).padStart(8, "0")}${randomBytes(4).toString("hex")}`,
      workflowId,
      receivedAt: r.receivedAt,
      test: r.test,
      outcome: r.outcome,
      reasonCode: r.reasonCode,
      status: r.outcome === "rejected" ? 401 : 201,
      latencyMs: 3,
      headers: {},
      bodyLength: 2,
      bodySha256: "x",
      body: r.test ? new Uint8Array(Buffer.from("{}")) : null,
    })),
  });
}

export interface SeedSession {
  test?: boolean;
  createdAt: Date;
  currentStep?: number;
  /** Defaults to currentStep; higher after a Back. */
  furthestStep?: number;
  completedAt?: Date | null;
  data?: Record<string, unknown>;
}

export async function insertSessions(db: Db, wf: { id: string; versionId: string }, rows: SeedSession[]) {
  await db.prisma.session.createMany({
    data: rows.map((r) => ({
      workflowId: wf.id,
      versionId: wf.versionId,
      token: randomBytes(24).toString("base64url"),
      test: r.test ?? false,
      source: "webhook" as const,
      status: r.completedAt ? ("completed" as const) : ("open" as const),
      data: (r.data ?? {}) as object,
      // As the app's writers record it: the keys the starting data held.
      prefilled: prefilledKeys(r.data ?? {}),
      currentStep: r.currentStep ?? 0,
      furthestStep: r.furthestStep ?? r.currentStep ?? 0,
      createdAt: r.createdAt,
      completedAt: r.completedAt ?? null,
    })),
  });
}

/** A small deterministic generator, so a failing run can be reproduced. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
