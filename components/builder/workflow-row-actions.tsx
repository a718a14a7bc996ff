"use client";

import { useActionState, useId, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { useClearOnEdit } from "@/components/ui/use-clear-on-edit";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/http/form-state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Rename (inline disclosure), duplicate, and delete behind a confirmation dialog. */
export function WorkflowRowActions({ name, rename, duplicate, remove }: { name: string; rename: Action; duplicate: Action; remove: Action }) {
  const [renameState, renameAction] = useActionState(rename, {});
  const [duplicateState, duplicateAction] = useActionState(duplicate, {});
  const [deleteState, deleteAction] = useActionState(remove, {});
  const dialog = useRef<HTMLDialogElement>(null);
  const uid = useId();
  const message = [renameState, duplicateState, deleteState].find((s) => s.message);
  const done = useClearOnEdit(message?.ok ? message : null);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <details className="group">
        <summary className="cursor-pointer list-none rounded-md px-2.5 py-1.5 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
          Rename<span className="sr-only"> {name}</span>
        </summary>
        <form action={renameAction} className="mt-2 flex items-end gap-2" noValidate>
          <TextField id={`${uid}-rename`} label={`New name for ${name}`} name="name" defaultValue={name} maxLength={120} error={renameState.fieldErrors?.name} />
          <SubmitButton variant="secondary" pendingText="Saving…">
            Save name
          </SubmitButton>
        </form>
      </details>
      <form action={duplicateAction}>
        <SubmitButton variant="secondary" pendingText="Duplicating…">
          Duplicate<span className="sr-only"> {name}</span>
        </SubmitButton>
      </form>
      <Button type="button" variant="ghost" className="text-red-700" onClick={() => dialog.current?.showModal()}>
        Delete<span className="sr-only"> {name}</span>
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${uid}-delete-title`}
        className="m-auto max-w-md rounded-xl border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${uid}-delete-title`} className="text-lg font-semibold">
          Delete “{name}”?
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          This deletes the workflow with all its versions, secrets, sessions and deliveries. Its webhook URL and direct link stop
          working. This can&apos;t be undone.
        </p>
        <form action={deleteAction} className="mt-5 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <SubmitButton variant="danger" pendingText="Deleting…">
            Delete workflow
          </SubmitButton>
        </form>
      </dialog>
      {message?.message && (!message.ok || done) && (
        <div className="w-full">
          <Alert tone={message.ok ? "success" : "error"}>{message.fieldErrors?.name ?? message.message}</Alert>
        </div>
      )}
    </div>
  );
}
