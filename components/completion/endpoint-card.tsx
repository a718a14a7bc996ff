"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { TextField } from "@/components/ui/field";
import type { EndpointActions, EndpointItem, MessageItem } from "./completion-types";
import { EVENT_LABELS, type EventType } from "./completion-types";
import { EventCheckboxes } from "./event-checkboxes";
import { MessageTimeline } from "./message-timeline";
import { SecretOnce } from "./secret-once";

/** One endpoint: state (and the banner when disabled), edit, enable/disable, rotate, delete, recover, messages. */
export function EndpointCard({ endpoint, messages, canEdit, actions }: { endpoint: EndpointItem; messages: MessageItem[]; canEdit: boolean; actions: EndpointActions }) {
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState(endpoint.url);
  const [description, setDescription] = useState(endpoint.description ?? "");
  const [events, setEvents] = useState(endpoint.events);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [since, setSince] = useState("");
  const [pending, startTransition] = useTransition();

  const run = (work: () => Promise<{ ok?: boolean; message?: string; fieldErrors?: Record<string, string> }>, done?: () => void) =>
    startTransition(async () => {
      setErrors({});
      const result = await work();
      if (result.ok) {
        setNote(result.message ? { tone: "success", text: result.message } : null);
        done?.();
      } else {
        setErrors(result.fieldErrors ?? {});
        setNote({ tone: "error", text: result.message ?? "That did not work." });
      }
    });

  return (
    <article className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={`Endpoint ${endpoint.url}`} data-testid="endpoint-card">
      {!endpoint.enabled && (
        <Alert tone="warning" data-testid="endpoint-disabled-banner">
          <strong>Disabled.</strong> {endpoint.disabledMessage ?? "Disabled."} Messages are not sent until it is enabled again.
        </Alert>
      )}
      {endpoint.enabled && endpoint.failingSince && (
        <Alert tone="warning">Failing since {new Date(endpoint.failingSince).toUTCString()}: after 5 days without a success it is disabled.</Alert>
      )}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="break-all font-medium">{endpoint.url}</p>
          {endpoint.description && <p className="text-sm text-slate-600">{endpoint.description}</p>}
          <p className="text-xs text-slate-600">{endpoint.events.map((e) => EVENT_LABELS[e as EventType] ?? e).join(" · ")}</p>
          <p className="text-xs text-slate-600">
            Signing secret{endpoint.secrets.length > 1 ? "s" : ""}: {endpoint.secrets.map((s) => `…${s.last4}${s.expiresAt ? ` (until ${new Date(s.expiresAt).toUTCString()})` : ""}`).join(", ")}
          </p>
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setEditing((v) => !v)}>
              {editing ? "Cancel" : "Edit"}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => actions.update({ enabled: !endpoint.enabled }))}>
              {endpoint.enabled ? "Disable" : "Enable"}
            </Button>
            <Button
              type="button"
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(
                  async () => {
                    const result = await actions.rotate();
                    if (result.ok && result.data) setSecret(result.data.secret);
                    return { ...result, message: "New secret created; the old one keeps signing for 24 hours." };
                  },
                )
              }
            >
              Rotate secret
            </Button>
            <ConfirmActionButton label="Delete" srLabel={endpoint.url} title="Delete this endpoint?" confirmLabel="Delete endpoint" pendingText="Deleting…" action={actions.remove}>
              Its secrets, messages and attempts are deleted; messages not yet sent are dropped.
            </ConfirmActionButton>
          </div>
        )}
      </div>
      {secret && <SecretOnce secret={secret} />}
      {note && <Alert tone={note.tone}>{note.text}</Alert>}
      {editing && (
        <form
          className="space-y-3 rounded-md bg-slate-50 p-3"
          aria-label="Edit endpoint"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => actions.update({ url, description, events }), () => setEditing(false));
          }}
        >
          <TextField label="Endpoint URL" name="url" id={`url-${endpoint.id}`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url} />
          <TextField label="Description" name="description" id={`description-${endpoint.id}`} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
          <EventCheckboxes value={events} onChange={setEvents} />
          <Button type="submit" disabled={pending}>
            Save endpoint
          </Button>
        </form>
      )}
      <section aria-label="Messages" className="space-y-2">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h3 className="font-medium">Messages</h3>
          {canEdit && (
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                run(() => actions.recover(new Date(since).toISOString()));
              }}
            >
              <TextField label="Recover failed since" name="since" id={`since-${endpoint.id}`} type="datetime-local" required value={since} onChange={(e) => setSince(e.target.value)} />
              <Button type="submit" variant="secondary" disabled={pending || since === ""}>
                Recover
              </Button>
            </form>
          )}
        </div>
        <MessageTimeline messages={messages} canEdit={canEdit} resend={actions.resend} />
      </section>
    </article>
  );
}
