import { listMessagesResource } from "@/lib/api/endpoints";
import { withApi } from "@/lib/api/with-api";

export const GET = withApi<{ id: string }>(({ db, actor, params, url }) => listMessagesResource(db, actor, params.id, url));
