"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-state";
import { EventCheckboxes } from "./event-checkboxes";
import { SecretOnce } from "./secret-once";

/** Adds an endpoint; its secret is shown once on success. */
export function AddEndpointForm({ create }: { create: (input: { url: string; description?: string; events: string[] }) => Promise<FormState<{ secret: string }>> }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>(["session.completed"]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    startTransition(async () => {
      const result = await create({ url, description: description || undefined, events });
      if (result.ok && result.data) {
        setSecret(result.data.secret);
        setUrl("");
        setDescription("");
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message ?? null);
      }
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Add endpoint">
      {secret && <SecretOnce secret={secret} />}
      <TextField label="Endpoint URL" name="url" type="url" required placeholder="https://partner.example.com/signet" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url} />
      <TextField label="Description (optional)" name="description" value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
      <EventCheckboxes value={events} onChange={setEvents} />
      {errors.events && <p className="text-sm text-red-700">{errors.events}</p>}
      {message && <Alert>{message}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add endpoint"}
      </Button>
    </form>
  );
}
