"use client";

import type { THmacScheme, THmacSettings } from "@/lib/hmac/schemas";
import { PathSelect } from "./editor-inputs";
import { ALGORITHM_LABELS, SCHEME_LABELS, inputId, withScheme, type Issues } from "./editor-state";

/**
 * The webhook trigger's HMAC switch, scheme and algorithm. Secrets, headers and tolerance
 * live on the Webhook tab; this panel says what turning HMAC on does to the direct link.
 */
export function TriggerPanel({
  hmac,
  liveHmacEnabled,
  issues,
  onChange,
  webhookTabHref,
}: {
  hmac: THmacSettings;
  liveHmacEnabled: boolean | null;
  issues: Issues;
  onChange: (hmac: THmacSettings) => void;
  webhookTabHref: string;
}) {
  const path = ["trigger", "hmac"];
  const toggleId = inputId([...path, "enabled"]);
  return (
    <div className="space-y-3">
      <div className="flex items-start gap-3">
        <input
          id={toggleId}
          type="checkbox"
          role="switch"
          checked={hmac.enabled}
          onChange={(e) => onChange({ ...hmac, enabled: e.target.checked })}
          aria-describedby={`${toggleId}-hint`}
          className="mt-0.5 h-5 w-5 rounded border-slate-300"
        />
        <div>
          <label htmlFor={toggleId} className="font-medium">
            Require HMAC-signed requests
          </label>
          <p id={`${toggleId}-hint`} className="text-sm text-slate-600">
            Only requests signed with one of this workflow&apos;s secrets start sessions. When published, the direct link and QR code stop
            working, because anyone could open them without a signature.
          </p>
        </div>
      </div>
      {hmac.enabled !== (liveHmacEnabled ?? false) && liveHmacEnabled !== null && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {hmac.enabled
            ? "HMAC is on in this draft only. The direct link and QR code keep working until you publish."
            : "HMAC is off in this draft only. The direct link and QR code come back when you publish."}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <PathSelect
          label="Signature scheme"
          path={[...path, "scheme"]}
          issues={issues}
          value={hmac.scheme}
          onValue={(scheme) => onChange(withScheme(hmac, scheme as THmacScheme))}
          options={Object.entries(SCHEME_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <PathSelect
          label="Algorithm"
          path={[...path, "algorithm"]}
          issues={issues}
          value={hmac.algorithm}
          onValue={(algorithm) => onChange({ ...hmac, algorithm: algorithm as THmacSettings["algorithm"] })}
          options={Object.entries(ALGORITHM_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <p className="text-sm text-slate-600">
        Secrets, header names and timestamp tolerance are on the{" "}
        <a href={webhookTabHref} className="font-medium text-brand-700 underline">
          Webhook tab
        </a>
        .
      </p>
    </div>
  );
}
