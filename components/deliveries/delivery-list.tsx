import type { DeliveryView } from "@/lib/delivery-log/list-deliveries";
import { SignatureDebugger } from "./signature-debugger";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

function OutcomeBadge({ delivery }: { delivery: DeliveryView }) {
  const tone =
    delivery.outcome === "accepted"
      ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
      : delivery.outcome === "duplicate"
        ? "bg-sky-50 text-sky-800 ring-sky-200"
        : "bg-red-50 text-red-800 ring-red-200";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone}`}>{delivery.status} {delivery.outcome}</span>;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function DeliveryDetails({ delivery, canDebug, sessionsHref }: { delivery: DeliveryView; canDebug: boolean; sessionsHref: string }) {
  return (
    <div className="space-y-4 border-t border-slate-200 px-4 py-4 text-sm">
      <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-x-4 gap-y-1">
        <Fact label="Why">{delivery.reason} <code className="text-xs text-slate-500">({delivery.reasonCode})</code></Fact>
        <Fact label="Status">{delivery.status}</Fact>
        <Fact label="Mode">{delivery.test ? "Test" : "Live"}</Fact>
        <Fact label="Matched secret">{delivery.secretLast4 ? <span className="font-mono">…{delivery.secretLast4}</span> : "—"}</Fact>
        <Fact label="Latency">{delivery.latencyMs} ms</Fact>
        <Fact label="Session">
          {delivery.sessionId ? (
            <a className="font-mono text-brand-700 hover:underline" href={`${sessionsHref}/${delivery.sessionId}`}>
              {delivery.sessionId}
            </a>
          ) : (
            "—"
          )}
        </Fact>
        <Fact label="Message id">{delivery.messageId ? <span className="font-mono">{delivery.messageId}</span> : "—"}</Fact>
        <Fact label="Body">{delivery.bodyLength} bytes{delivery.bodySha256 ? <span className="ml-2 font-mono text-xs text-slate-500">SHA-256 {delivery.bodySha256}</span> : null}</Fact>
      </dl>
      <div>
        <h4 className="mb-1 font-medium">Headers</h4>
        <p className="mb-1 text-xs text-slate-500">Signatures are cut short and credentials removed before they are stored.</p>
        <pre className="max-h-64 overflow-auto rounded-md bg-slate-50 p-3 text-xs">
          {Object.entries(delivery.headers).map(([name, value]) => `${name}: ${value}`).join("\n")}
        </pre>
      </div>
      <div>
        <h4 className="mb-1 font-medium">Payload</h4>
        {delivery.payload === null ? (
          <p className="text-slate-600">Not kept: only accepted and test requests keep their payload.</p>
        ) : (
          <pre data-testid="delivery-payload" className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-3 text-xs">
            {delivery.payload}
            {delivery.payloadTruncated ? "\n… (cut at 64 KiB)" : ""}
          </pre>
        )}
      </div>
      {delivery.test && delivery.debug ? <SignatureDebugger debug={delivery.debug} /> : null}
      {delivery.test && !delivery.debug && !canDebug ? (
        <p className="text-xs text-slate-500">The signature debugger is shown to editors.</p>
      ) : null}
    </div>
  );
}

/** The delivery log: one expandable row per request. */
export function DeliveryList({ deliveries, canDebug, sessionsHref }: { deliveries: DeliveryView[]; canDebug: boolean; sessionsHref: string }) {
  if (deliveries.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        No deliveries match. Requests to the webhook or its test URL appear here.
      </p>
    );
  }
  return (
    <ul className="space-y-2" aria-label="Deliveries">
      {deliveries.map((d) => (
        <li key={d.id} data-testid="delivery-row" className="rounded-xl border border-slate-200 bg-white">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <OutcomeBadge delivery={d} />
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${d.test ? "bg-violet-50 text-violet-800" : "bg-slate-100 text-slate-700"}`}>
                {d.test ? "Test" : "Live"}
              </span>
              <span className="whitespace-nowrap text-slate-700">{dateFormat.format(d.receivedAt)} UTC</span>
              <span className="min-w-0 flex-1 truncate text-slate-600">{d.reason}</span>
              <span className="text-xs text-slate-500">{d.latencyMs} ms</span>
            </summary>
            <DeliveryDetails delivery={d} canDebug={canDebug} sessionsHref={sessionsHref} />
          </details>
        </li>
      ))}
    </ul>
  );
}
