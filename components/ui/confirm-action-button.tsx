"use client";

import { useActionState, useId, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/http/form-state";

/** A destructive action behind a confirmation dialog, with its failure shown beside it. */
export function ConfirmActionButton({
  label,
  srLabel,
  title,
  children,
  confirmLabel,
  pendingText,
  action,
}: {
  label: string;
  /** Completes the button's accessible name, e.g. which item it acts on. */
  srLabel?: string;
  title: string;
  /** What happens, in the dialog. */
  children: React.ReactNode;
  confirmLabel: string;
  pendingText: string;
  action: (prev: FormState) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, {});
  const dialog = useRef<HTMLDialogElement>(null);
  const uid = useId();
  return (
    <div className="flex flex-col items-end gap-2">
      <Button type="button" variant="ghost" className="text-red-700" onClick={() => dialog.current?.showModal()}>
        {label}
        {srLabel ? <span className="sr-only"> {srLabel}</span> : null}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${uid}-title`}
        className="m-auto max-w-md rounded-xl border border-slate-200 p-6 text-left shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${uid}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-2 text-sm text-slate-600">{children}</div>
        <form action={formAction} onSubmit={() => dialog.current?.close()} className="mt-5 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <SubmitButton variant="danger" pendingText={pendingText}>
            {confirmLabel}
          </SubmitButton>
        </form>
      </dialog>
      {state.ok === false && state.message && <Alert tone="error">{state.message}</Alert>}
    </div>
  );
}
