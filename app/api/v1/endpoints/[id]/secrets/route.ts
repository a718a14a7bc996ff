import { rotateEndpointSecretResource } from "@/lib/api/endpoints";
import { readJsonBody } from "@/lib/api/json-body";
import { apiJson } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";

export const POST = withApi<{ id: string }>(async ({ db, actor, params, request }) =>
  apiJson(await rotateEndpointSecretResource(db, actor, params.id, await readJsonBody(request)), 201),
);
