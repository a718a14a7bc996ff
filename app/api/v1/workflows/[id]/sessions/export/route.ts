import { withApi } from "@/lib/api/with-api";
import { exportResponse } from "@/lib/insights/export/export-response";
import { exportSessions } from "@/lib/insights/export/export-sessions";
import { parseSessionExportQuery } from "@/lib/insights/export/schemas";

export const GET = withApi<{ id: string }>(async ({ db, actor, params, url }) =>
  exportResponse(await exportSessions(db, actor, params.id, parseSessionExportQuery(url.searchParams))),
);
