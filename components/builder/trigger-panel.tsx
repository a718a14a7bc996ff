"use client";

import type { THmacSettings } from "@/lib/hmac/schemas";
import { ALGORITHM_CATALOGUE, SCHEME_CATALOGUE } from "@/lib/hmac/catalogue";
import { HmacSwitch } from "@/components/webhook/hmac-switch";
import { inputId, type Issues } from "./editor-state";

/**
 * The webhook trigger's HMAC switch, which says what turning HMAC on does to the direct link,
 * and a one-line summary of how requests are signed. Scheme, algorithm, headers, tolerance
 * and secrets have one editor: the Webhook tab.
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
  // The draft's HMAC problems are edited on the Webhook tab; here they are only pointed at.
  const problem = Object.entries(issues).find(([path]) => path.startsWith("trigger.hmac."))?.[1];
  return (
    <div className="space-y-3">
      <HmacSwitch id={inputId(["trigger", "hmac", "enabled"])} enabled={hmac.enabled} liveEnabled={liveHmacEnabled} onChange={(enabled) => onChange({ ...hmac, enabled })} />
      <p className="text-sm text-slate-700" data-testid="hmac-summary">
        {hmac.enabled ? "Signed" : "When on, signed"} with <span className="font-medium">{SCHEME_CATALOGUE[hmac.scheme].label}</span> and{" "}
        <span className="font-medium">{ALGORITHM_CATALOGUE[hmac.algorithm].name}</span>.{" "}
        <a href={webhookTabHref} className="font-medium text-brand-700 underline">
          Scheme, headers, tolerance and secrets: Webhook tab
        </a>
      </p>
      {problem && (
        <p className="text-sm font-medium text-red-700" role="alert">
          HMAC settings: {problem} Fix it on the Webhook tab.
        </p>
      )}
    </div>
  );
}
