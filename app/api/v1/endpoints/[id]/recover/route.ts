import { recoverMessagesResource } from "@/lib/api/endpoints";
import { readJsonBody } from "@/lib/api/json-body";
import { withApi } from "@/lib/api/with-api";

export const POST = withApi<{ id: string }>(async ({ db, actor, params, request }) => recoverMessagesResource(db, actor, params.id, await readJsonBody(request)));
