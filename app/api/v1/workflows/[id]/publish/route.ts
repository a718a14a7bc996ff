import { readJsonBody } from "@/lib/api/json-body";
import { withApi } from "@/lib/api/with-api";
import { publishWorkflowResource } from "@/lib/api/workflows";

export const POST = withApi<{ id: string }>(async ({ db, actor, params, request }) =>
  publishWorkflowResource(db, actor, params.id, await readJsonBody(request)),
);
