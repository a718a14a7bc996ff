import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors/http";
import { exportResponse } from "@/lib/insights/export/export-response";
import { exportSessions } from "@/lib/insights/export/export-sessions";
import { parseSessionExportQuery } from "@/lib/insights/export/schemas";

// The Sessions tab's download links: the same export as the API, for the signed-in builder,
// with a byte-order mark so spreadsheet apps read the CSV as UTF-8.
export async function GET(request: Request, { params }: { params: Promise<{ workspaceId: string; workflowId: string }> }) {
  const { workspaceId, workflowId } = await params;
  try {
    const query = parseSessionExportQuery(new URL(request.url).searchParams);
    return exportResponse(await exportSessions(await getDb(), await currentActor(), workflowId, query, { workspaceId, bom: true }));
  } catch (error) {
    return errorResponse(error);
  }
}
