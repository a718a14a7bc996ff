"use client";

import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/http/form-state";
import { CopyButton } from "./copy-button";
import { Field } from "@/components/ui/field";
import { SecretRow, type SecretItem } from "./secret-row";
import type { THmacScheme } from "@/lib/hmac/schemas";
import type { CreatedSecretView, TCreateSecretInput } from "@/lib/webhook-secrets/schemas";
import { checkPastedSecretText, secretFitProblem } from "@/lib/hmac/secret-rules";


/**
 * The workflow's signing secrets. Not part of the draft: they apply at once, which is what
 * makes rotation without downtime possible (old and new valid together until the expiry).
 */
export function SecretsPanel({
  secrets,
  canEdit,
  keyBytesRule,
  secretRule,
  scheme,
  formats,
  create,
  reveal,
  revoke,
}: {
  secrets: SecretItem[];
  canEdit: boolean;
  keyBytesRule: string;
  /** What a secret of the draft's scheme must look like, in words. */
  secretRule: string;
  scheme: THmacScheme;
  /** Formats that can be generated for the scheme. */
  formats: ("whsec" | "alphanumeric")[];
  create: (input: TCreateSecretInput) => Promise<FormState<CreatedSecretView>>;
  reveal: (secretId: string) => Promise<FormState<{ secret: string }>>;
  revoke: (secretId: string) => Promise<FormState>;
}) {
  const [now, setNow] = useState<number | null>(null);
  const [mode, setMode] = useState<"generate" | "paste">("generate");
  const [format, setFormat] = useState<"whsec" | "alphanumeric">("whsec");
  const [pasted, setPasted] = useState("");
  const [hours, setHours] = useState("72");
  const [created, setCreated] = useState<CreatedSecretView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const active = secrets.filter((s) => s.active);
  const rotating = active.length > 0;
  // Replace while setting up; once a live request has verified with a secret, senders depend
  // on it, and rotating (both valid for a while) is the safe default.
  const inUse = active.some((s) => s.lastVerifiedAt !== null);
  const [others, setOthers] = useState<"replace" | "rotate" | null>(null);
  const othersMode = others ?? (inUse ? "rotate" : "replace");
  const pastedCheck = (() => {
    if (pasted === "") return null;
    const text = checkPastedSecretText(pasted);
    if (!text.ok) return text.error;
    return secretFitProblem(scheme, text.value);
  })();

  useEffect(() => {
    // The first tick comes at once (a 0 ms timeout), then every second.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);

  function submit() {
    setError(null);
    const input: TCreateSecretInput = mode === "paste" ? { value: pasted } : { format: formats.includes(format) ? format : "whsec" };
    if (rotating && othersMode === "rotate") {
      const h = Number(hours);
      if (!Number.isFinite(h) || h < 0) return setError("Enter how many hours the old secrets stay valid (0 ends them now).");
      input.mode = "rotate";
      input.expireOthersInSeconds = Math.round(h * 3600);
    } else if (rotating) input.mode = "replace";
    startTransition(async () => {
      const result = await create(input);
      if (result.ok && result.data) {
        setCreated(result.data);
        setPasted("");
      } else setError(result.fieldErrors?.value ?? result.message ?? "The secret could not be created.");
    });
  }

  return (
    <div className="space-y-4">
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200" data-testid="key-bytes-rule">
        <span className="font-medium">Key bytes:</span> {keyBytesRule}
      </p>

      {created && (
        <div className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3" role="status">
          <p className="text-sm font-medium text-emerald-900">Copy this secret now: it is shown in full only once. Afterwards only its last 4 characters are shown.</p>
          <div className="flex items-center gap-2">
            <code data-testid="new-secret" className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 text-sm ring-1 ring-emerald-200">
              {created.secret}
            </code>
            <CopyButton text={created.secret} label="Copy secret" />
          </div>
          {created.expiredOthers > 0 && (
            <p className="text-sm text-emerald-900">
              {created.expiredOthers === 1 ? "The previous secret stays" : `The ${created.expiredOthers} previous secrets stay`} valid until the expiry shown below.
            </p>
          )}
          {created.revokedOthers > 0 && (
            <p className="text-sm text-emerald-900">
              {created.revokedOthers === 1 ? "The previous secret was" : `The ${created.revokedOthers} previous secrets were`} revoked: only this one verifies now.
            </p>
          )}
          {created.warnings.map((w) => (
            <p key={w} className="text-sm text-amber-900">
              Warning: {w}
            </p>
          ))}
          <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setCreated(null)}>
            I have stored it
          </Button>
        </div>
      )}

      {secrets.length === 0 ? (
        <p className="text-sm text-slate-600">No secrets yet. With HMAC on and no active secret, every request is refused.</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label="Secrets">
          {secrets.map((secret) => (
            <SecretRow key={secret.id} secret={secret} now={now} canEdit={canEdit} reveal={() => reveal(secret.id)} revoke={() => revoke(secret.id)} />
          ))}
        </ul>
      )}

      {canEdit && (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{rotating ? "Rotate: add a new secret" : "Add a secret"}</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="secret-mode" checked={mode === "generate"} onChange={() => setMode("generate")} /> Generate
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="secret-mode" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste my own
            </label>
          </div>
          {mode === "generate" ? (
            <Field id="secret-format" label="Format" className="max-w-sm">
              {(control) => (
                <select {...control} value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
                  <option value="whsec">whsec_ + 32 random bytes (recommended)</option>
                  {formats.includes("alphanumeric") && <option value="alphanumeric">20 letters and digits</option>}
                </select>
              )}
            </Field>
          ) : (
            <Field
              id="secret-value"
              label="Secret"
              hint={<span data-testid="secret-rule">{secretRule} Strength is estimated on save: under 64 bits is refused, under 128 bits warned.</span>}
              error={pastedCheck ?? undefined}
            >
              {(control) => (
                <input {...control} className={`${control.className} font-mono`} value={pasted} autoComplete="off" spellCheck={false} onChange={(e) => setPasted(e.target.value)} />
              )}
            </Field>
          )}
          {rotating && (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">The current {active.length === 1 ? "secret" : "secrets"}</legend>
              <p className="text-xs text-slate-600">
                {inUse
                  ? "A live request has verified with a current secret, so senders use it: rotating keeps it valid while they switch."
                  : "No live request has verified with the current secrets yet, so replacing them is safe."}
              </p>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" name="secret-others" className="mt-1" checked={othersMode === "replace"} onChange={() => setOthers("replace")} />
                <span>Replace: revoke them now</span>
              </label>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" name="secret-others" className="mt-1" checked={othersMode === "rotate"} onChange={() => setOthers("rotate")} />
                <span>Rotate: keep them valid for a while</span>
              </label>
              {othersMode === "rotate" && (
                <Field
                  id="rotation-hours"
                  label="Keep the current secrets valid for (hours)"
                  hint="Senders switch to the new secret in the meantime; both verify until then."
                  className="max-w-sm"
                >
                  {(control) => <input {...control} type="number" min={0} max={720} step="any" value={hours} onChange={(e) => setHours(e.target.value)} />}
                </Field>
              )}
            </fieldset>
          )}
          {error && <Alert>{error}</Alert>}
          <Button type="button" disabled={pending || (mode === "paste" && (pasted.length === 0 || pastedCheck !== null))} onClick={submit}>
            {pending ? "Working…" : mode === "paste" ? "Save pasted secret" : rotating ? "Generate new secret" : "Generate secret"}
          </Button>
        </fieldset>
      )}
    </div>
  );
}
