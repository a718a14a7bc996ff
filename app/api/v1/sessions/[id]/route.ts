import { getSessionResource } from "@/lib/api/sessions";
import { withApi } from "@/lib/api/with-api";

export const GET = withApi<{ id: string }>(({ db, actor, params }) => getSessionResource(db, actor, params.id));
