import { readJsonBody } from "@/lib/api/json-body";
import { parsePageQuery } from "@/lib/api/pagination";
import { apiJson } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { createWorkflowResource, listWorkflowsPage } from "@/lib/api/workflows";

export const GET = withApi(({ db, actor, url, config }) => listWorkflowsPage(db, actor, parsePageQuery(url), config.publicUrl));

export const POST = withApi(async ({ db, actor, request, config }) => {
  const created = await createWorkflowResource(db, actor, await readJsonBody(request), config.publicUrl);
  return apiJson(created, 201, { Location: `/api/v1/workflows/${created.id}` });
});
