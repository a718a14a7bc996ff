import Link from "next/link";
import type { AuditEventView } from "@/lib/audit/list-audit-events";
import { AUDIT_TARGET_TYPES } from "@/lib/audit/actions";

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
// Shown elsewhere in the entry already, or ids nobody reads.
const SHOWN = new Set(["workflowId", "last4", "name"]);

function details(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([key, value]) => !SHOWN.has(key) && value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}

/** Audit events as a feed: what happened to what, then who and when (UTC). Fits a phone. */
export function AuditEventList({ events, workflowHref }: { events: AuditEventView[]; workflowHref: (id: string) => string }) {
  return (
    <ol aria-label="Audit events" className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {events.map((event) => {
        const extra = details(event.data);
        const targetType = (AUDIT_TARGET_TYPES as Record<string, string>)[event.target.type] ?? event.target.type;
        return (
          <li key={event.id} className="space-y-1 px-4 py-3 text-sm" data-testid="audit-event" data-action={event.action}>
            <p>
              <span className="font-medium">{event.description}</span>
              {event.target.type !== "workflow" && (
                <>
                  {" "}
                  · <span className="text-slate-700">{targetType}</span>{" "}
                  <span className="font-mono text-xs break-all">{event.target.label ?? event.target.id}</span>
                </>
              )}
              {event.workflow && (
                <>
                  {" "}
                  {event.target.type === "workflow" ? "·" : "on"}{" "}
                  {event.workflow.name ? (
                    <Link href={workflowHref(event.workflow.id)} className="text-brand-700 underline">
                      {event.workflow.name}
                    </Link>
                  ) : (
                    <span className="text-slate-700">{typeof event.data.name === "string" ? `${event.data.name} (deleted)` : "a deleted workflow"}</span>
                  )}
                </>
              )}
            </p>
            <p className="text-xs text-slate-600">
              {event.actor ? (event.actor.email ?? "a deleted user") : "Signet"} · <time dateTime={event.createdAt.toISOString()}>{timeFormat.format(event.createdAt)} UTC</time>
            </p>
            {extra && <p className="text-xs break-words text-slate-600">{extra}</p>}
          </li>
        );
      })}
    </ol>
  );
}
