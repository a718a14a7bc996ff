"use client";

import { CopyButton } from "@/components/webhook/copy-button";

/** A new signing secret, shown in full this once. */
export function SecretOnce({ secret }: { secret: string }) {
  return (
    <div className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3" role="status">
      <p className="text-sm font-medium text-emerald-900">Copy this signing secret now: it is shown in full only once. Afterwards only its last 4 characters are shown.</p>
      <div className="flex items-center gap-2">
        <code data-testid="endpoint-secret" className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 text-sm ring-1 ring-emerald-200">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy secret" />
      </div>
    </div>
  );
}
