"use client";

import type { THmacScheme, THmacSettings } from "@/lib/hmac/schemas";
import { HmacSwitch } from "@/components/webhook/hmac-switch";
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
  return (
    <div className="space-y-3">
      <HmacSwitch id={inputId([...path, "enabled"])} enabled={hmac.enabled} liveEnabled={liveHmacEnabled} onChange={(enabled) => onChange({ ...hmac, enabled })} />
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
