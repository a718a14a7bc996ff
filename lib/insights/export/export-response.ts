import type { SessionExport } from "./export-sessions";

/** The HTTP answer for an export: a download, never cached, streamed as it is produced. */
export function exportResponse(result: SessionExport): Response {
  return new Response(result.body, {
    status: 200,
    headers: {
      "Content-Type": result.contentType,
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
