interface SessionRow {
  id: string;
  status: "open" | "completed";
  source: string;
  data: unknown;
  createdAt: Date;
  completedAt: Date | null;
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const SOURCE_LABELS: Record<string, string> = { webhook: "Webhook", direct_link: "Direct link", api: "API" };

function DataList({ data }: { data: unknown }) {
  const entries = data && typeof data === "object" && !Array.isArray(data) ? Object.entries(data) : [];
  if (entries.length === 0) return <span className="text-slate-500">No data yet</span>;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-xs text-slate-600">{key}</dt>
          <dd className="break-words text-sm">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Sessions with status, times and data; a list of cards on phones, a table on laptops. */
export function SessionsTable({ caption, sessions, empty }: { caption: string; sessions: SessionRow[]; empty: string }) {
  if (sessions.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{empty}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Started</th>
            <th scope="col" className="px-4 py-2">Completed</th>
            <th scope="col" className="px-4 py-2">Source</th>
            <th scope="col" className="px-4 py-2">Data</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {sessions.map((s) => (
            <tr key={s.id} data-testid="session-row" className="align-top">
              <td className="px-4 py-3">
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${
                    s.status === "completed" ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-sky-50 text-sky-800 ring-sky-200"
                  }`}
                >
                  {s.status === "completed" ? "Completed" : "Open"}
                </span>
              </td>
              <td className="whitespace-nowrap px-4 py-3">{dateFormat.format(s.createdAt)} UTC</td>
              <td className="whitespace-nowrap px-4 py-3">{s.completedAt ? `${dateFormat.format(s.completedAt)} UTC` : "—"}</td>
              <td className="px-4 py-3">{SOURCE_LABELS[s.source] ?? s.source}</td>
              <td className="px-4 py-3">
                <DataList data={s.data} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
