"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-state";
import type { CreatedTokenData } from "./actions";

type Action = (prev: FormState<CreatedTokenData>, formData: FormData) => Promise<FormState<CreatedTokenData>>;

/** Name a new token; on success show it once, with a copy button and how to use it. */
export function CreateTokenForm({ action, apiBaseUrl }: { action: Action; apiBaseUrl: string }) {
  const [state, formAction] = useActionState(action, {});
  const created = state.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        <TextField
          label="Token name"
          name="name"
          hint="What will use it, e.g. “CI deploy” or “CRM sync”."
          maxLength={80}
          required
          defaultValue={state.values?.name}
          error={state.fieldErrors?.name}
          className="min-w-64 flex-1"
        />
        <SubmitButton pendingText="Creating…">Create token</SubmitButton>
      </form>
      {state.ok === false && state.message && !state.fieldErrors?.name && <Alert tone="error">{state.message}</Alert>}
      {created && <NewToken key={created.token} created={created} apiBaseUrl={apiBaseUrl} />}
    </div>
  );
}

function NewToken({ created, apiBaseUrl }: { created: CreatedTokenData; apiBaseUrl: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("copied");
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); the field stays selectable.
      setCopied("failed");
    }
  }
  return (
    <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50/60 p-4">
      <Alert tone="warning">
        Copy “{created.name}” now. It is shown only once: Signet stores only a hash of it. If you lose it, revoke it and create another.
      </Alert>
      <div className="flex flex-wrap items-end gap-2">
        <Field id="new-api-token" label="Your new API token" className="min-w-64 flex-1">
          {(control) => <input {...control} className={`${control.className} font-mono`} readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} />}
        </Field>
        <Button type="button" variant="secondary" onClick={copy}>
          {copied === "copied" ? "Copied" : "Copy token"}
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Couldn't copy automatically; select the token and copy it." : ""}
      </p>
      <div className="space-y-1">
        <p className="text-sm font-medium">Try it</p>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
          {`curl -H "Authorization: Bearer ${created.token}" \\\n  ${apiBaseUrl}/workflows`}
        </pre>
      </div>
    </div>
  );
}
