"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/http/form-state";
import type { AttemptItem, MessageItem } from "./completion-types";

const STATUS_STYLE: Record<MessageItem["status"], string> = {
  delivered: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  pending: "bg-amber-50 text-amber-900 ring-amber-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

function outcome(a: AttemptItem): string {
  if (a.statusCode !== null) return `HTTP ${a.statusCode}`;
  return a.error ?? "No answer";
}

const time = (iso: string) => new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC";

/** One message: its payload and its attempts, newest first, with Resend. */
function MessageRow({ message, canEdit, resend }: { message: MessageItem; canEdit: boolean; resend: (id: string) => Promise<FormState> }) {
  const [note, setNote] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="outbound-message">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLE[message.status]}`}>{message.status}</span>
        <code className="text-xs">{message.type}</code>
        <span className="text-slate-500">{time(message.createdAt)}</span>
        <code className="break-all text-xs text-slate-500">{message.id}</code>
        {message.status === "pending" && message.nextAttemptAt && <span className="text-xs text-slate-600">next attempt {time(message.nextAttemptAt)}</span>}
        {canEdit && (
          <Button
            type="button"
            variant="secondary"
            className="ml-auto px-2.5 py-1 text-xs"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await resend(message.id);
                setNote(result.message ?? (result.ok ? "Queued." : "Could not resend."));
              })
            }
          >
            Resend<span className="sr-only"> {message.id}</span>
          </Button>
        )}
      </div>
      {note && (
        <p role="status" className="text-sm text-slate-700">
          {note}
        </p>
      )}
      <ol aria-label={`Attempts of ${message.id}`} className="space-y-1 border-l-2 border-slate-200 pl-3">
        {message.attempts.length === 0 && <li className="text-sm text-slate-500">Not attempted yet.</li>}
        {message.attempts.map((a) => (
          <li key={a.id} className="text-sm" data-testid="outbound-attempt">
            <span className="text-slate-500">{time(a.attemptedAt)}</span> ·{" "}
            <span className={a.statusCode !== null && a.statusCode < 300 ? "text-emerald-800" : "text-red-800"}>{outcome(a)}</span> · {a.latencyMs} ms
            {a.responseBody ? <code className="ml-2 break-all text-xs text-slate-600">{a.responseBody.slice(0, 200)}</code> : null}
          </li>
        ))}
      </ol>
      <details>
        <summary className="cursor-pointer text-xs text-slate-600">Payload</summary>
        <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{message.payload}</pre>
      </details>
    </li>
  );
}

export function MessageTimeline({ messages, canEdit, resend }: { messages: MessageItem[]; canEdit: boolean; resend: (id: string) => Promise<FormState> }) {
  if (messages.length === 0) return <p className="text-sm text-slate-600">No messages yet: they appear when a session sends an event this endpoint subscribes to.</p>;
  return (
    <ul className="space-y-2">
      {messages.map((m) => (
        <MessageRow key={m.id} message={m} canEdit={canEdit} resend={resend} />
      ))}
    </ul>
  );
}
