"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/http/form-state";
import { CopyButton } from "./copy-button";

export interface SecretItem {
  id: string;
  last4: string;
  format: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastVerifiedAt: string | null;
  active: boolean;
}

function countdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min ${String(s).padStart(2, "0")} s`;
}

function statusText(secret: SecretItem, now: number | null): { text: string; tone: string } {
  if (secret.revokedAt) return { text: `Revoked ${new Date(secret.revokedAt).toLocaleString()}`, tone: "bg-red-50 text-red-800 ring-red-200" };
  if (secret.expiresAt) {
    const left = new Date(secret.expiresAt).getTime() - (now ?? Date.now());
    if (left <= 0) return { text: "Expired", tone: "bg-slate-100 text-slate-700 ring-slate-200" };
    // Before hydration the absolute time renders the same on server and client.
    return {
      text: now === null ? `Expires ${new Date(secret.expiresAt).toLocaleString()}` : `Expires in ${countdown(left)}`,
      tone: "bg-amber-50 text-amber-900 ring-amber-200",
    };
  }
  return { text: "Active", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" };
}

/** One secret: last 4 only, its state with a countdown, and reveal/revoke behind a confirmation. */
export function SecretRow({
  secret,
  now,
  canEdit,
  reveal,
  revoke,
}: {
  secret: SecretItem;
  now: number | null;
  canEdit: boolean;
  reveal: () => Promise<FormState<{ secret: string }>>;
  revoke: () => Promise<FormState>;
}) {
  const [confirming, setConfirming] = useState<"reveal" | "revoke" | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const status = statusText(secret, now);
  const usable = !secret.revokedAt && status.text !== "Expired";

  return (
    <li className="space-y-2 py-3" data-testid={`secret-${secret.last4}`}>
      <div className="flex flex-wrap items-center gap-3">
        <code className="rounded bg-slate-100 px-2 py-1 text-sm">…{secret.last4}</code>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${status.tone}`}>{status.text}</span>
        <span className="text-xs text-slate-600">
          {secret.format} · created {new Date(secret.createdAt).toLocaleString()}
          {secret.lastVerifiedAt ? ` · last used by a live request ${new Date(secret.lastVerifiedAt).toLocaleString()}` : " · not used by a live request yet"}
        </span>
        {canEdit && usable && confirming === null && (
          <span className="ml-auto flex gap-2">
            <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setConfirming("reveal")} aria-label={`Reveal secret …${secret.last4}`}>
              Reveal
            </Button>
            <Button type="button" variant="ghost" className="px-2 py-1 text-xs text-red-700" onClick={() => setConfirming("revoke")} aria-label={`Revoke secret …${secret.last4}`}>
              Revoke
            </Button>
          </span>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label="Confirm" className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-2 text-sm">
          <span>
            {confirming === "reveal"
              ? `Show secret …${secret.last4} in full? The reveal is recorded in the audit log.`
              : `Revoke secret …${secret.last4} now? Requests signed with it are refused at once.`}
          </span>
          <Button
            type="button"
            variant={confirming === "revoke" ? "danger" : "primary"}
            className="px-2.5 py-1 text-xs"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = confirming === "reveal" ? await reveal() : await revoke();
                if (!result.ok) setError(result.message ?? "That did not work.");
                else if (confirming === "reveal" && "data" in result && result.data) setRevealed((result.data as { secret: string }).secret);
                setConfirming(null);
              })
            }
          >
            {confirming === "reveal" ? "Show secret" : "Revoke secret"}
          </Button>
          <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
        </div>
      )}
      {revealed && (
        <div className="flex items-center gap-2">
          <code className="min-w-0 flex-1 break-all rounded bg-slate-900 px-2 py-1 text-xs text-slate-100">{revealed}</code>
          <CopyButton text={revealed} label="Copy revealed secret" />
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setRevealed(null)}>
            Hide
          </Button>
        </div>
      )}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </li>
  );
}
