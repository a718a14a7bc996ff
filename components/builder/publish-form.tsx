"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useClearOnEdit } from "@/components/ui/use-clear-on-edit";
import type { ActionState } from "@/lib/http/form-state";
import { useDraftSync } from "./draft-sync";

/** What publishing answers; `revision` is the draft's after it (it moves when the screen's edits were saved with it). */
type PublishOutcome = ActionState<{ version: number; unchanged: boolean; revision: number }>;

/**
 * Publishes what the builder sees: unsaved edits of the editor on screen travel with the
 * click and are saved in the same action (revision-checked, so a stale tab gets a conflict);
 * a draft equal to the live version publishes nothing and says so.
 */
export function PublishForm({
  publish,
  upToDate,
  revision,
}: {
  publish: (input: { definition?: unknown; expectedRevision: number }) => Promise<PublishOutcome>;
  upToDate: boolean;
  revision: number;
}) {
  const sync = useDraftSync();
  const [result, setResult] = useState<PublishOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  // "Published version 3" is stale as soon as the draft is edited again.
  const published = useClearOnEdit(result?.ok ? result : null);

  function onPublish() {
    setResult(null);
    startTransition(async () => {
      const editor = sync?.current() ?? null;
      const input = editor ? await editor.forPublish() : { expectedRevision: revision };
      const outcome = await publish(input);
      if (outcome.ok && outcome.data) editor?.published(outcome.data.revision, input.definition);
      setResult(outcome);
    });
  }

  return (
    <div className="flex max-w-sm flex-col items-end gap-2">
      <Button type="button" onClick={onPublish} disabled={pending} aria-disabled={pending}>
        {pending ? "Publishing…" : upToDate ? "Publish again" : "Publish"}
      </Button>
      {result && !pending && (!result.ok || published) && (
        <div aria-live="polite">
          <Alert tone={result.ok ? (result.data?.unchanged ? "info" : "success") : "error"}>
            {result.message}
            {result.fieldErrors &&
              Object.values(result.fieldErrors).map((message) => (
                <span key={message} className="block">
                  {message}
                </span>
              ))}
          </Alert>
        </div>
      )}
    </div>
  );
}
