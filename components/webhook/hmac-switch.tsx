import { Alert } from "@/components/ui/alert";

/**
 * The "Require HMAC-signed requests" switch, what it means, and whether the draft differs from
 * the live version: one control for the builder's trigger panel and the Webhook tab, so they
 * always say the same thing.
 */
export function HmacSwitch({
  id,
  enabled,
  liveEnabled,
  disabled,
  onChange,
}: {
  id: string;
  enabled: boolean;
  /** HMAC in the published version; null before the first publish. */
  liveEnabled: boolean | null;
  disabled?: boolean;
  onChange: (enabled: boolean) => void;
}) {
  return (
    <>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={enabled}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={`${id}-hint`}
          className="mt-0.5 h-5 w-5 rounded border-slate-300"
        />
        <div>
          <label htmlFor={id} className="font-medium">
            Require HMAC-signed requests
          </label>
          <div id={`${id}-hint`} className="text-sm text-slate-600">
            <p>Only requests signed with one of this workflow&apos;s active secrets start sessions, in test mode too.</p>
            <p className="mt-1 font-medium text-amber-900">
              Once published with HMAC on, the direct link and QR code stop working: they show that only an authorised system can start
              this workflow.
            </p>
          </div>
        </div>
      </div>
      {liveEnabled !== null && enabled !== liveEnabled && (
        <Alert tone="warning">
          {enabled
            ? "HMAC is on in this draft only: until you publish, the live endpoint accepts unsigned requests and the direct link and QR code keep working."
            : "HMAC is off in this draft only: until you publish, the live endpoint keeps requiring signatures."}
        </Alert>
      )}
    </>
  );
}
