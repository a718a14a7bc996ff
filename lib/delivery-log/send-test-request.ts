import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { getConfig, type AppKey } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { secretFitProblem } from "@/lib/hmac/secret-rules";
import { signRequest } from "@/lib/hmac/sign";
import { logger } from "@/lib/log/logger";
import { loadActiveSecrets } from "@/lib/webhook-secrets/active-secrets";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { testHmacSettings } from "@/lib/workflows/test-hmac-settings";
import { workflowUrls } from "@/lib/workflows/workflow-urls";
import { findWorkflowDetail } from "@/lib/workflows/workflow-repository";

// The builder's "send a signed test request" button: signs a sample body server-side with the
// newest active secret that fits, exactly as a sender would, under the settings the test URL
// verifies with (the draft's, never weaker than live), and posts it to the workflow's own
// test URL, so the builder sees what the endpoint answers without writing code — published or
// not. The secret never leaves the server; the result shows only the signature headers.
// Every failure says what is wrong: nothing here ends in a generic "something went wrong".

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
  const live = workflow.liveVersion ? storedDefinition(workflow.liveVersion.definition).trigger.hmac : null;
  const settings = testHmacSettings(storedDefinition(workflow.draft).trigger.hmac, live);
  const now = opts.now ?? new Date();
  let sentHeaders: Record<string, string> = {};
  let signedWithLast4: string | undefined;
  if (settings.enabled) {
    const active = await loadActiveSecrets(db, workflowId, now, opts.keys);
    if (active.length === 0) {
      throw new AppError("CONFLICT", "HMAC is on but there is no active secret to sign with. Add a secret under Secrets, then send again.", { reason: "no_active_secret" });
    }
    const usable = active.find((secret) => secretFitProblem(settings.scheme, secret.value) === null);
    if (!usable) {
      const names = active.map((s) => `…${s.last4}`).join(", ");
      throw new AppError("CONFLICT", `No active secret fits this scheme (${names}): ${secretFitProblem(settings.scheme, active[0]!.value)} Add a fitting secret, then send again.`, {
        reason: "no_fitting_secret",
      });
    }
    try {
      sentHeaders = signRequest({ settings, secret: usable.value, body, timestamp: Math.floor(now.getTime() / 1000) });
    } catch (error) {
      logger.warn("test_request_sign_failed", { workflowId, error });
      throw new AppError("VALIDATION_FAILED", `The sample could not be signed with secret …${usable.last4} under these settings. Check the scheme settings and the secret.`, {
        reason: "test_request_unsigned",
      });
    }
    signedWithLast4 = usable.last4;
  }

  const url = workflowUrls(opts.publicUrl ?? getConfig().publicUrl, workflow).testUrl;
  let response: Response;
  let text: string;
  try {
    response = await (opts.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...sentHeaders },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new AppError(
      "UNAVAILABLE",
      timedOut
        ? `The test URL ${url} did not answer within 15 s.`
        : `The test URL ${url} could not be reached from the server. Check that SIGNET_PUBLIC_URL is an address this server can reach.`,
      { reason: "test_request_failed", cause: error },
    );
  }
  return {
    url,
    status: response.status,
    response: text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS)}…` : text,
    sentHeaders,
    signedWithLast4,
  };
}
