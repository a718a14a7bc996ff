import { readJsonBody } from "@/lib/api/json-body";
import { withApi } from "@/lib/api/with-api";
import { deleteWorkflowResource, getWorkflowResource, updateWorkflowResource } from "@/lib/api/workflows";

type Params = { id: string };

export const GET = withApi<Params>(({ db, actor, params, config }) => getWorkflowResource(db, actor, params.id, config.publicUrl));

export const PATCH = withApi<Params>(async ({ db, actor, params, request, config }) =>
  updateWorkflowResource(db, actor, params.id, await readJsonBody(request), config.publicUrl),
);

export const DELETE = withApi<Params>(({ db, actor, params }) => deleteWorkflowResource(db, actor, params.id));
