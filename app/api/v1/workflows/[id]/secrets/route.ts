import { readJsonBody } from "@/lib/api/json-body";
import { apiJson } from "@/lib/api/respond";
import { createSecretResource, listSecretsResource } from "@/lib/api/secrets";
import { withApi } from "@/lib/api/with-api";

type Params = { id: string };

export const GET = withApi<Params>(({ db, actor, params }) => listSecretsResource(db, actor, params.id));

export const POST = withApi<Params>(async ({ db, actor, params, request }) =>
  apiJson(await createSecretResource(db, actor, params.id, await readJsonBody(request)), 201),
);
