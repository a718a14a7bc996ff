import type { FieldColumn } from "@/lib/sessions/session-columns";
import type { SessionsTableRow } from "@/lib/sessions/sessions-table";
import { AnswerSource, answerText, SOURCE_LABELS, sessionDateFormat, StatusBadge } from "./session-badges";
import { ScrollRegion } from "@/components/ui/scroll-box";

/** On phones, a card shows this many answers; the rest are one tap away on the detail page. */
const CARD_ANSWERS = 4;

function Answer({ row, column }: { row: SessionsTableRow; column: FieldColumn }) {
  const answer = row.answers[column.key];
  if (!answer) return <span className="text-slate-400">—</span>;
  return (
    <>
      <span className="line-clamp-3 break-words">{answerText(answer.value)}</span>
      <AnswerSource prefilled={answer.prefilled} />
    </>
  );
}

function DetailLink({ row, href }: { row: SessionsTableRow; href: string }) {
  return (
    <a href={href} className="font-medium text-brand-700 hover:underline">
      {sessionDateFormat.format(row.createdAt)} UTC<span className="sr-only">, open this session</span>
    </a>
  );
}

/**
 * Sessions with their answers: a table with one column per field (form order, the builder's
 * labels) on wider screens, scrolling inside its own box when the form is wide; a list of
 * cards on phones. Each row opens the session's detail page.
 */
export function SessionsTable({
  caption,
  columns,
  rows,
  detailHref,
  empty,
}: {
  caption: string;
  columns: FieldColumn[];
  rows: SessionsTableRow[];
  detailHref: (sessionId: string) => string;
  empty: string;
}) {
  if (rows.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{empty}</p>;
  }
  return (
    <>
      <ScrollRegion label={caption} className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="whitespace-nowrap px-4 py-2 font-semibold">
                Started
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Status
              </th>
              <th scope="col" className="whitespace-nowrap px-4 py-2 font-semibold">
                Started by
              </th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className="min-w-32 px-4 py-2 font-semibold">
                  {column.label}
                  {column.hidden && <span className="ml-1 font-normal text-slate-500">(hidden)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((row) => (
              <tr key={row.id} id={`session-${row.id}`} data-testid="session-row" className="align-top">
                <th scope="row" className="whitespace-nowrap px-4 py-3 font-normal">
                  <DetailLink row={row} href={detailHref(row.id)} />
                </th>
                <td className="px-4 py-3">
                  <StatusBadge status={row.status} />
                </td>
                <td className="whitespace-nowrap px-4 py-3">{SOURCE_LABELS[row.source] ?? row.source}</td>
                {columns.map((column) => (
                  <td key={column.key} className="max-w-xs px-4 py-3">
                    <Answer row={row} column={column} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <ul aria-label={caption} className="space-y-3 md:hidden">
        {rows.map((row) => {
          const answered = columns.filter((column) => row.answers[column.key]);
          return (
            <li key={row.id} data-testid="session-card" className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <DetailLink row={row} href={detailHref(row.id)} />
                <StatusBadge status={row.status} />
              </div>
              <p className="mt-1 text-xs text-slate-600">Started by {(SOURCE_LABELS[row.source] ?? row.source).toLowerCase()}</p>
              {answered.length === 0 ? (
                <p className="mt-2 text-slate-600">No answers yet.</p>
              ) : (
                <dl className="mt-3 space-y-2">
                  {answered.slice(0, CARD_ANSWERS).map((column) => (
                    <div key={column.key}>
                      <dt className="text-xs text-slate-600">{column.label}</dt>
                      <dd className="min-w-0">
                        <Answer row={row} column={column} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              {answered.length > CARD_ANSWERS && (
                <p className="mt-2 text-xs text-slate-600">
                  and {answered.length - CARD_ANSWERS} more {answered.length - CARD_ANSWERS === 1 ? "answer" : "answers"}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
