import { parsePageQuery } from "@/lib/api/pagination";
import { listWorkflowSessionsPage, parseSessionFilter } from "@/lib/api/sessions";
import { withApi } from "@/lib/api/with-api";

export const GET = withApi<{ id: string }>(({ db, actor, params, url }) =>
  listWorkflowSessionsPage(db, actor, params.id, parsePageQuery(url), parseSessionFilter(url)),
);
