import { createEndpointResource, listEndpointsResource } from "@/lib/api/endpoints";
import { readJsonBody } from "@/lib/api/json-body";
import { apiJson } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";

type Params = { id: string };

export const GET = withApi<Params>(({ db, actor, params }) => listEndpointsResource(db, actor, params.id));

export const POST = withApi<Params>(async ({ db, actor, params, request }) =>
  apiJson(await createEndpointResource(db, actor, params.id, await readJsonBody(request)), 201),
);
