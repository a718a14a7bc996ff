import { deleteEndpointResource, getEndpointResource, updateEndpointResource } from "@/lib/api/endpoints";
import { readJsonBody } from "@/lib/api/json-body";
import { withApi } from "@/lib/api/with-api";

type Params = { id: string };

export const GET = withApi<Params>(({ db, actor, params }) => getEndpointResource(db, actor, params.id));

export const PATCH = withApi<Params>(async ({ db, actor, params, request }) => updateEndpointResource(db, actor, params.id, await readJsonBody(request)));

export const DELETE = withApi<Params>(({ db, actor, params }) => deleteEndpointResource(db, actor, params.id));
