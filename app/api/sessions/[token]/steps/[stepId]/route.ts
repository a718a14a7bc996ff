import { readJsonBody } from "@/lib/api/json-body";
import { sessionApiPreflight, withSessionApi } from "@/lib/api/with-session-api";
import { answerSessionStep } from "@/lib/sessions/answer-session-step";

export const POST = withSessionApi<{ token: string; stepId: string }>(async ({ request, db, params }) =>
  answerSessionStep(db, params.token, params.stepId, await readJsonBody(request)),
);
export const OPTIONS = sessionApiPreflight("POST");
