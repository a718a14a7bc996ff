import { parsePageQuery } from "@/lib/api/pagination";
import { withApi } from "@/lib/api/with-api";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { parseAuditFilter } from "@/lib/audit/schemas";

// The token's workspace is the one whose log is read.
export const GET = withApi(({ db, actor, url }) => listAuditEvents(db, actor, actor.workspaceId, parseAuditFilter(url.searchParams), parsePageQuery(url)));
