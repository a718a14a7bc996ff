import { parsePageQuery, parseTestFilter } from "@/lib/api/pagination";
import { listWorkflowSessionsPage } from "@/lib/api/sessions";
import { withApi } from "@/lib/api/with-api";

export const GET = withApi<{ id: string }>(({ db, actor, params, url }) =>
  listWorkflowSessionsPage(db, actor, params.id, parsePageQuery(url), parseTestFilter(url)),
);
