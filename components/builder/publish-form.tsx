"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { useClearOnEdit } from "@/components/ui/use-clear-on-edit";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/http/form-state";

type PublishState = FormState<{ version: number }>;

/**
 * Publishes the saved draft the page shows: its revision travels in the form, so publishing a
 * draft someone else changed meanwhile is refused with a conflict message.
 */
export function PublishForm({
  action,
  upToDate,
  revision,
}: {
  action: (prev: PublishState, formData: FormData) => Promise<PublishState>;
  upToDate: boolean;
  revision: number;
}) {
  const [state, formAction] = useActionState(action, {});
  // "Published version 3" is stale as soon as the draft is edited again.
  const published = useClearOnEdit(state.ok ? state : null);
  return (
    <form action={formAction} className="flex max-w-sm flex-col items-end gap-2">
      <input type="hidden" name="expectedRevision" value={revision} />
      <SubmitButton pendingText="Publishing…">{upToDate ? "Publish again" : "Publish"}</SubmitButton>
      {state.message && (!state.ok || published) && (
        <Alert tone={state.ok ? "success" : "error"}>
          {state.message}
          {state.fieldErrors &&
            Object.values(state.fieldErrors).map((message) => (
              <span key={message} className="block">
                {message}
              </span>
            ))}
        </Alert>
      )}
    </form>
  );
}
