import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { getSessionsTable } from "@/lib/sessions/sessions-table";
import { SessionFilters } from "@/components/sessions/session-filters";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { SessionExportForm } from "@/components/insights/session-export-form";

export const metadata = { title: "Sessions" };

export default async function SessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; workflowId: string }>;
  searchParams: Promise<{ mode?: string }>;
}) {
  const { workspaceId, workflowId } = await params;
  const test = (await searchParams).mode === "test";
  const { columns, rows, more } = await getSessionsTable(await getDb(), await currentActor(), workflowId, { test });
  const base = `/workspaces/${workspaceId}/workflows/${workflowId}/sessions`;
  return (
    <div className="space-y-8">
      <section aria-labelledby="sessions-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <h2 id="sessions-heading" className="text-lg font-semibold">
              {test ? "Test sessions" : "Live sessions"}{" "}
              <span className="text-sm font-normal text-slate-600">
                ({rows.length}
                {more ? "+" : ""})
              </span>
            </h2>
            <p className="max-w-2xl text-sm text-slate-600">
              {test ? "Started by requests to the test URL (?test=true), kept apart from live ones. " : "Newest first. "}
              Answers marked <span className="font-medium text-violet-800">Prefilled</span> came with the starting payload; the others were typed by
              the participant.
            </p>
          </div>
          <SessionFilters base={base} test={test} />
        </div>
        <SessionsTable
          caption={test ? "Test sessions" : "Live sessions"}
          columns={columns}
          rows={rows}
          detailHref={(id) => `${base}/${id}`}
          empty={test ? "No test sessions yet. Send a request to the test URL to start one." : "No live sessions yet. Open the direct link or send a signed webhook to start one."}
        />
      </section>
      <section aria-labelledby="export-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <div>
          <h2 id="export-heading" className="text-lg font-semibold">
            Export
          </h2>
          <p className="text-sm text-slate-600">
            Every matching session, columns in form order with their labels and which answers were prefilled. Dates are in UTC.
          </p>
        </div>
        <SessionExportForm action={`${base}/export`} />
      </section>
    </div>
  );
}
