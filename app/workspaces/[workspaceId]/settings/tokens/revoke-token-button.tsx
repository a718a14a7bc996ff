"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import type { FormState } from "@/lib/http/form-state";

/** Revoke behind a confirmation dialog: revoking breaks whatever uses the token, at once. */
export function RevokeTokenButton({ name, last4, action }: { name: string; last4: string; action: (prev: FormState) => Promise<FormState> }) {
  return (
    <ConfirmActionButton label="Revoke" srLabel={name} title={`Revoke “${name}”?`} confirmLabel="Revoke token" pendingText="Revoking…" action={action}>
      <p>
        Anything using the token ending in <span className="font-mono">…{last4}</span> gets 401 from its next request. This can&apos;t be undone.
      </p>
    </ConfirmActionButton>
  );
}
