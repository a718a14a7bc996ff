import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { signRequest } from "@/lib/hmac/sign";
import { loadActiveSecrets } from "@/lib/webhook-secrets/active-secrets";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { workflowUrls } from "@/lib/workflows/workflow-urls";
import { findWorkflowDetail } from "@/lib/workflows/workflow-repository";

// The builder's "send a signed test request" button (SPEC §3, developer help): signs a sample
// body server-side with the newest active secret, exactly as a sender would, and posts it to
// the workflow's own test URL, so the builder sees what the endpoint answers without writing
// code. The secret never leaves the server; the result shows only the signature headers.

export const MAX_TEST_BODY_BYTES = 64 * 1024;
const MAX_ANSWER_CHARS = 4_000;

export interface TestRequestResult {
  url: string;
  status: number;
  /** The endpoint's answer, cut to a readable length. */
  response: string;
  /** Headers that were sent besides Content-Type (signatures, timestamp, id). */
  sentHeaders: Record<string, string>;
  /** Which secret signed, by its last 4 characters; undefined when HMAC is off. */
  signedWithLast4?: string;
}

export async function sendTestRequest(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  input: { body: string },
  opts: { publicUrl?: string; fetch?: typeof fetch; now?: Date; keys?: AppKey[] } = {},
): Promise<TestRequestResult> {
  await authorizeWorkflow(db, actor, workflowId, "edit");
  const body = Buffer.from(input.body, "utf8");
  if (body.length > MAX_TEST_BODY_BYTES) {
    throw new AppError("VALIDATION_FAILED", `The sample body is larger than ${MAX_TEST_BODY_BYTES / 1024} KiB.`, { reason: "body_too_large" });
  }
  const workflow = await findWorkflowDetail(db, workflowId);
  if (!workflow) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  if (!workflow.liveVersion) {
    throw new AppError("CONFLICT", "Publish the workflow first: the test URL answers only for a published workflow.", { reason: "not_published" });
  }
  // The endpoint verifies with the live version's settings, so the request is signed with them.
  const settings = storedDefinition(workflow.liveVersion.definition).trigger.hmac;
  const now = opts.now ?? new Date();
  let sentHeaders: Record<string, string> = {};
  let signedWithLast4: string | undefined;
  if (settings.enabled) {
    const [newest] = await loadActiveSecrets(db, workflowId, now, opts.keys);
    if (!newest) throw new AppError("CONFLICT", "Add a secret first: there is no active secret to sign with.", { reason: "no_active_secret" });
    sentHeaders = signRequest({ settings, secret: newest.value, body, timestamp: Math.floor(now.getTime() / 1000) });
    signedWithLast4 = newest.last4;
  }

  const url = workflowUrls(opts.publicUrl ?? getConfig().publicUrl, workflow).testUrl;
  let response: Response;
  try {
    response = await (opts.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...sentHeaders },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new AppError("UNAVAILABLE", `The test URL ${url} could not be reached. Check the public URL setting.`, { reason: "test_request_failed", cause: error });
  }
  const text = await response.text();
  return {
    url,
    status: response.status,
    response: text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS)}…` : text,
    sentHeaders,
    signedWithLast4,
  };
}
