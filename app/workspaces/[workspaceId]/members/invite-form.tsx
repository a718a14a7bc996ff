"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/http/form-state";
import { inviteMemberAction } from "./actions";

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const [state, action] = useActionState<FormState, FormData>(inviteMemberAction.bind(null, workspaceId), {});
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="Email of an existing user" name="email" type="email" className="min-w-64 flex-1" error={state.fieldErrors?.email} />
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="editor" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="viewer">Viewer — can look</option>
            <option value="editor">Editor — can build and publish</option>
            <option value="owner">Owner — can also manage members</option>
          </select>
        </div>
        <SubmitButton pendingText="Adding…">Add member</SubmitButton>
      </div>
    </form>
  );
}
