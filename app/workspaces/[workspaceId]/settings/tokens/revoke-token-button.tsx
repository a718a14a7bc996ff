"use client";

import { useActionState, useId, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/http/form-state";

/** Revoke behind a confirmation dialog: revoking breaks whatever uses the token, at once. */
export function RevokeTokenButton({ name, last4, action }: { name: string; last4: string; action: (prev: FormState) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  const dialog = useRef<HTMLDialogElement>(null);
  const uid = useId();
  return (
    <div className="flex flex-col items-end gap-2">
      <Button type="button" variant="ghost" className="text-red-700" onClick={() => dialog.current?.showModal()}>
        Revoke<span className="sr-only"> {name}</span>
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${uid}-title`}
        className="m-auto max-w-md rounded-xl border border-slate-200 p-6 text-left shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${uid}-title`} className="text-lg font-semibold">
          Revoke “{name}”?
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          Anything using the token ending in <span className="font-mono">…{last4}</span> gets 401 from its next request. This can&apos;t be undone.
        </p>
        <form action={formAction} onSubmit={() => dialog.current?.close()} className="mt-5 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <SubmitButton variant="danger" pendingText="Revoking…">
            Revoke token
          </SubmitButton>
        </form>
      </dialog>
      {state.ok === false && state.message && <Alert tone="error">{state.message}</Alert>}
    </div>
  );
}
