"use client";

import { useCallback, useEffect, useState } from "react";
import { withScheme } from "@/components/builder/editor-state";
import { autosaveText, useDraftAutosave, type SaveDraftResult } from "@/components/builder/use-draft-autosave";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ALGORITHM_CATALOGUE, ALGORITHM_OPTIONS, SCHEME_CATALOGUE, SCHEME_OPTIONS, schemeNeeds } from "@/lib/hmac/catalogue";
import { schemeSignsMessageId, type THmacScheme, type THmacSettings } from "@/lib/hmac/schemas";
import type { TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import type { SignaturePreview } from "@/lib/snippets/signature-preview";
import { CustomSchemeFields } from "./custom-scheme-fields";
import { Field } from "@/components/ui/field";
import { ScrollBox } from "@/components/ui/scroll-box";
import { useClearOnEdit } from "@/components/ui/use-clear-on-edit";
import { HmacSwitch } from "./hmac-switch";

/**
 * The webhook step's HMAC settings, saved automatically into the draft like every other edit
 * (the test URL uses them at once; the live endpoint on Publish), with a live preview of what
 * a sender signs for a sample body under an example secret.
 */
export function HmacSettingsForm({
  draft,
  revision,
  canEdit,
  liveEnabled,
  sampleBody,
  save,
  preview,
}: {
  /** The whole draft: the HMAC settings are saved as part of it. */
  draft: TWorkflowDefinition;
  revision: number;
  canEdit: boolean;
  /** HMAC in the published version; null when never published. */
  liveEnabled: boolean | null;
  sampleBody: string;
  save: (input: { definition: unknown; expectedRevision: number }) => Promise<SaveDraftResult>;
  preview: (input: { settings: THmacSettings; sampleBody: string }) => Promise<SignaturePreview>;
}) {
  const [hmac, setHmac] = useState(draft.trigger.hmac);
  const [shown, setShown] = useState<SignaturePreview | null>(null);
  // A new object per save by hand, so useClearOnEdit shows each one until the next edit anywhere on the page.
  const [manual, setManual] = useState<{ savedAt: number } | null>(null);
  const savedByHand = useClearOnEdit(manual);
  const toDefinition = useCallback((settings: THmacSettings) => ({ ...draft, trigger: { ...draft.trigger, hmac: settings } }), [draft]);
  const autosave = useDraftAutosave({ value: hmac, initialRevision: revision, toDefinition, save, enabled: canEdit });
  // The draft's errors are keyed by their path in the definition; this form shows its own.
  const errors: Record<string, string> = Object.fromEntries(
    Object.entries(autosave.fieldErrors ?? {}).map(([path, message]) => [path.replace(/^trigger\.hmac\./, ""), message]),
  );
  const disabled = !canEdit;
  const change = (next: THmacSettings) => {
    setManual(null);
    setHmac(next);
  };

  useEffect(() => {
    // Debounced: a request per keystroke in the template field would be wasteful.
    const timer = setTimeout(() => void preview({ settings: hmac, sampleBody }).then(setShown), 250);
    return () => clearTimeout(timer);
  }, [hmac, sampleBody, preview]);

  const legacy = ALGORITHM_CATALOGUE[hmac.algorithm].legacy;

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void autosave.saveNow().then((saved) => setManual(saved ? { savedAt: Date.now() } : null));
      }}
    >
      <HmacSwitch id="hmac-enabled" enabled={hmac.enabled} liveEnabled={liveEnabled} disabled={disabled} onChange={(enabled) => change({ ...hmac, enabled })} />

      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="hmac-scheme" label="Signature scheme" hint={SCHEME_CATALOGUE[hmac.scheme].description} error={errors.scheme}>
          {(control) => (
            <select {...control} value={hmac.scheme} disabled={disabled} onChange={(e) => change(withScheme(hmac, e.target.value as THmacScheme))}>
              {SCHEME_OPTIONS.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="hmac-algorithm"
          label="Algorithm"
          hint={legacy ? "Legacy: only for senders that cannot do better. Prefer SHA-256." : undefined}
        >
          {(control) => (
            <select {...control} value={hmac.algorithm} disabled={disabled} onChange={(e) => change({ ...hmac, algorithm: e.target.value as THmacSettings["algorithm"] })}>
              {ALGORITHM_OPTIONS.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(hmac.scheme === "prefixed-hex" || hmac.scheme === "plain-hex") && (
          <Field id="hmac-header" label="Header name" error={errors.header}>
            {(control) => (
              <input {...control} className={`${control.className} font-mono`} value={hmac.header} disabled={disabled} onChange={(e) => change({ ...hmac, header: e.target.value })} />
            )}
          </Field>
        )}
        {schemeNeeds(hmac).timestamp && (
          <Field id="hmac-tolerance" label="Timestamp tolerance (seconds)" hint="Older or newer requests are refused (replay protection)." error={errors.toleranceSeconds}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={86400}
                value={hmac.toleranceSeconds}
                disabled={disabled}
                onChange={(e) => change({ ...hmac, toleranceSeconds: Number(e.target.value) })}
              />
            )}
          </Field>
        )}
      </div>
      {!schemeSignsMessageId(hmac) && (
        <Field
          id="hmac-message-id-path"
          label="Message id path in the body (optional)"
          hint="Where the signed JSON body carries the sender's event id, e.g. id (Stripe events) or event.id: a repeat of an accepted message then answers 200 with the original session instead of starting another."
          error={errors.messageIdPath}
        >
          {(control) => (
            <input
              {...control}
              className={`${control.className} font-mono`}
              value={hmac.messageIdPath ?? ""}
              disabled={disabled}
              placeholder="event.id"
              spellCheck={false}
              onChange={(e) => change({ ...hmac, messageIdPath: e.target.value === "" ? undefined : e.target.value })}
            />
          )}
        </Field>
      )}
      {hmac.scheme === "custom" && (
        <CustomSchemeFields custom={hmac.custom} errors={errors} disabled={disabled} onChange={(custom) => change({ ...hmac, custom })} />
      )}

      <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" aria-live="polite" data-testid="signature-preview">
        <p className="text-sm font-medium">Preview for the sample body (example secret, timestamp and id)</p>
        {shown === null ? (
          <p className="text-sm text-slate-600">Computing…</p>
        ) : shown.ok ? (
          <>
            <p className="text-xs text-slate-600">Signed content</p>
            <ScrollBox label="Signed content" className="overflow-x-auto rounded bg-white p-2 text-xs ring-1 ring-slate-200">
              {shown.signedContent}
            </ScrollBox>
            <p className="text-xs text-slate-600">Headers</p>
            <ScrollBox label="Signature headers" className="overflow-x-auto rounded bg-white p-2 text-xs ring-1 ring-slate-200">
              {Object.entries(shown.headers)
                .map(([name, value]) => `${name}: ${value}`)
                .join("\n")}
            </ScrollBox>
          </>
        ) : (
          <p className="text-sm text-amber-900">{shown.message}</p>
        )}
      </div>

      {(autosave.status === "invalid" || autosave.status === "conflict" || autosave.status === "offline") && (
        <Alert>{autosave.status === "conflict" ? `${autosave.message} Reload the page to get the latest draft.` : autosave.message}</Alert>
      )}
      {savedByHand && autosave.status === "saved" && <Alert tone="success">Saved to the draft. The test URL uses it now; Publish applies it to the live endpoint.</Alert>}
      {canEdit && (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={autosave.status === "saving" || autosave.status === "conflict"}>
            {autosave.status === "saving" ? "Saving…" : "Save HMAC settings"}
          </Button>
          <p className="text-sm text-slate-600" aria-live="polite">
            {autosaveText(autosave)}
          </p>
        </div>
      )}
    </form>
  );
}
