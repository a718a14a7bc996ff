import type { SessionAnswer } from "@/lib/sessions/sessions-table";

export function StatusBadge({ status }: { status: "open" | "completed" }) {
  return (
    <span
      className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${
        status === "completed" ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-sky-50 text-sky-800 ring-sky-200"
      }`}
    >
      {status === "completed" ? "Completed" : "Open"}
    </span>
  );
}

export const SOURCE_LABELS: Record<string, string> = { webhook: "Webhook", direct_link: "Direct link", api: "API" };

export const sessionDateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** An answer as text: booleans as Yes/No, everything else as stored. */
export function answerText(value: SessionAnswer["value"]): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

/**
 * Where an answer came from. Prefilled answers carry a visible tag; typed ones say so only to
 * screen readers, so a column of answers stays easy to scan.
 */
export function AnswerSource({ prefilled, visibleTyped = false }: { prefilled: boolean; visibleTyped?: boolean }) {
  if (prefilled) {
    return (
      <span className="ml-1.5 inline-block whitespace-nowrap rounded bg-violet-50 px-1.5 py-px align-middle text-xs font-medium text-violet-800 ring-1 ring-violet-200">
        Prefilled
      </span>
    );
  }
  return visibleTyped ? (
    <span className="ml-1.5 inline-block whitespace-nowrap rounded bg-slate-100 px-1.5 py-px align-middle text-xs font-medium text-slate-700">Typed</span>
  ) : (
    <span className="sr-only"> (typed)</span>
  );
}
