"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { useClearOnEdit } from "@/components/ui/use-clear-on-edit";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-state";
import { inviteMemberAction } from "./actions";

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const [state, action] = useActionState<FormState, FormData>(inviteMemberAction.bind(null, workspaceId), {});
  const added = useClearOnEdit(state.ok ? state : null);
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message && (!state.ok || added) && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="Email" name="email" type="email" className="min-w-64 flex-1" error={state.fieldErrors?.email} hint="They join once they sign in with this email (or sign up with it) and accept." />
        <Field id="invite-role" label="Role">
          {(control) => (
            <select {...control} name="role" defaultValue="editor">
              <option value="viewer">Viewer — can look</option>
              <option value="editor">Editor — can build and publish</option>
              <option value="owner">Owner — can also manage members</option>
            </select>
          )}
        </Field>
        <SubmitButton pendingText="Inviting…">Invite</SubmitButton>
      </div>
    </form>
  );
}
