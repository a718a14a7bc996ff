import Link from "next/link";
import { requireWorkspacePage } from "@/lib/auth/page-access";
import { getDb } from "@/lib/db/client";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { readAuditFilter } from "@/lib/audit/schemas";
import { listMembers } from "@/lib/workspaces/membership-repository";
import { AuditEventList } from "@/components/audit/audit-event-list";
import { AuditFilters } from "@/components/audit/audit-filters";
import { Alert } from "@/components/ui/alert";

export const metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const { actor, workspace } = await requireWorkspacePage(workspaceId);
  const search = new URLSearchParams(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const { filter, problems } = readAuditFilter(search);
  const cursor = search.get("cursor") || undefined;
  const db = await getDb();
  const [page, members] = await Promise.all([listAuditEvents(db, actor, workspaceId, filter, { limit: PAGE_SIZE, cursor }), listMembers(db, workspaceId)]);
  const base = `/workspaces/${workspaceId}/audit`;
  const older = new URLSearchParams(search);
  if (page.nextCursor) older.set("cursor", page.nextCursor);
  const newest = new URLSearchParams(search);
  newest.delete("cursor");

  return (
    <section aria-labelledby="audit-heading" className="space-y-6">
      <div>
        <h1 id="audit-heading" className="text-2xl font-semibold">
          Audit log
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Security-relevant actions in {workspace.name}: secrets, HMAC, publishing, API tokens, members and completion endpoints. Newest first.
        </p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-4">
        <AuditFilters action={base} filter={filter} members={members.map((m) => m.user.email)} />
      </div>
      {problems.length > 0 && <Alert tone="error">Some filters were ignored: {problems.join("; ")}</Alert>}
      {page.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">
          {cursor ? "No older events." : "No events match these filters."}
        </p>
      ) : (
        <AuditEventList events={page.data} workflowHref={(id) => `/workspaces/${workspaceId}/workflows/${id}`} />
      )}
      <nav aria-label="Audit log pages" className="flex justify-between text-sm">
        {cursor ? (
          <Link href={`${base}${newest.size ? `?${newest}` : ""}`} className="font-medium text-brand-700 underline">
            ← Newest events
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link href={`${base}?${older}`} className="font-medium text-brand-700 underline">
            Older events →
          </Link>
        )}
      </nav>
    </section>
  );
}
