import type { DeliveryView } from "@/lib/delivery-log/list-deliveries";
import { ScrollBox } from "@/components/ui/scroll-box";
import { SignatureDebugger } from "./signature-debugger";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

function OutcomeBadge({ delivery }: { delivery: DeliveryView }) {
  const tone =
    delivery.outcome === "accepted"
      ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
      : delivery.outcome === "duplicate"
        ? "bg-sky-50 text-sky-800 ring-sky-200"
        : "bg-red-50 text-red-800 ring-red-200";
  const warned = delivery.outcome === "accepted" && delivery.warnings !== null && delivery.warnings.length > 0;
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${warned ? "bg-amber-50 text-amber-900 ring-amber-200" : tone}`}>
      {delivery.status} {delivery.outcome}
      {warned ? " with warnings" : ""}
    </span>
  );
}

/** The diagnosis of a refused request in one line, for the list row. */
function diagnosisLine(d: NonNullable<DeliveryView["diagnosis"]>): string {
  const parts: string[] = [];
  if (d.signature?.header) parts.push(`${d.signature.header} ${d.signature.problem}${d.signature.at !== undefined ? ` at character ${d.signature.at + 1}` : ""}`);
  if (d.timestampSkewSeconds !== undefined && d.toleranceSeconds !== undefined && Math.abs(d.timestampSkewSeconds) > d.toleranceSeconds) {
    parts.push(`clock skew ${d.timestampSkewSeconds} s`);
  }
  if (d.body) parts.push(d.body);
  if (d.secretsTried) parts.push(d.secretsTried.length === 0 ? "no active secret" : `tried ${d.secretsTried.map((s) => `…${s.last4}${s.usable ? "" : " (unusable)"}`).join(", ")}`);
  return parts.join(" · ");
}

function Diagnosis({ diagnosis: d }: { diagnosis: NonNullable<DeliveryView["diagnosis"]> }) {
  return (
    <section aria-label="Diagnosis" className="space-y-1">
      <h4 className="font-medium">Diagnosis at arrival</h4>
      <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-x-4 gap-y-1">
        {d.scheme && <Fact label="Judged by">{`${d.scheme}, ${d.algorithm}`}</Fact>}
        {d.signature && (
          <Fact label="Signature">
            {d.signature.message}
            {d.signature.header && (
              <span className="block text-xs text-slate-600">
                Header {d.signature.header}
                {d.signature.at !== undefined ? `, first problem at character ${d.signature.at + 1}` : ""}
              </span>
            )}
          </Fact>
        )}
        {d.timestampSkewSeconds !== undefined && (
          <Fact label="Clock skew">
            {d.timestampSkewSeconds} s ({d.timestampSkewSeconds >= 0 ? "request older than the server clock" : "request ahead of the server clock"}; tolerance {d.toleranceSeconds} s)
          </Fact>
        )}
        {d.body && <Fact label="Body shape">{d.body}</Fact>}
        {d.secretsTried && (
          <Fact label="Secrets tried">
            {d.secretsTried.length === 0 ? "none active" : d.secretsTried.map((s) => `…${s.last4}${s.usable ? "" : " (cannot key this scheme)"}`).join(", ")}
          </Fact>
        )}
        {d.messageId && <Fact label="Claimed message id">{d.messageId}</Fact>}
      </dl>
    </section>
  );
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
        <Fact label="Message id">
          {delivery.messageId ? (
            <span className="font-mono">{delivery.messageId}</span>
          ) : delivery.diagnosis?.messageId ? (
            <span className="font-mono">{delivery.diagnosis.messageId} (claimed, not verified)</span>
          ) : (
            "—"
          )}
        </Fact>
        <Fact label="Body">{delivery.bodyLength} bytes{delivery.bodySha256 ? <span className="ml-2 font-mono text-xs text-slate-500">SHA-256 {delivery.bodySha256}</span> : null}</Fact>
      </dl>
      {delivery.warnings && delivery.warnings.length > 0 && (
        <section aria-label="Warnings">
          <h4 className="mb-1 font-medium">Warnings: the session started without these values</h4>
          <ul className="list-disc space-y-1 pl-5" data-testid="delivery-warnings">
            {delivery.warnings.map((w) => (
              <li key={`${w.path}-${w.field}`}>
                <code className="text-xs">{w.path}</code>
                {w.field ? (
                  <>
                    {" → "}
                    <code className="text-xs">{w.field}</code>
                  </>
                ) : null}
                : {w.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {delivery.diagnosis && <Diagnosis diagnosis={delivery.diagnosis} />}
      <div>
        <h4 className="mb-1 font-medium">Headers</h4>
        <p className="mb-1 text-xs text-slate-500">Signatures are cut short and credentials removed before they are stored.</p>
        <ScrollBox label="Headers" className="max-h-64 overflow-auto rounded-md bg-slate-50 p-3 text-xs">
          {Object.entries(delivery.headers).map(([name, value]) => `${name}: ${value}`).join("\n")}
        </ScrollBox>
      </div>
      <div>
        <h4 className="mb-1 font-medium">Payload</h4>
        {delivery.payload === null ? (
          <p className="text-slate-600">
            {/* A body that was read has its SHA-256 on the row; a test row without its bytes then met the quota. */}
            {delivery.test && delivery.bodySha256 !== ""
              ? "Not kept: this workflow's room for stored test payloads is full. Room frees as old deliveries are pruned."
              : "Not kept: only accepted requests and test requests keep their payload."}
          </p>
        ) : (
          <ScrollBox label="Payload" testId="delivery-payload" className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-3 text-xs">
            {delivery.payload}
            {delivery.payloadTruncated ? `\n… (cut: the first 64 KiB of ${delivery.bodyLength} bytes)` : ""}
          </ScrollBox>
        )}
      </div>
      {delivery.test && delivery.debug ? <SignatureDebugger debug={delivery.debug} /> : null}
      {delivery.test && !delivery.debug && canDebug && delivery.payloadTruncated ? (
        <p className="text-xs text-slate-500">No signature debugger: it needs the whole body, and only its start was kept.</p>
      ) : null}
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
              <span className="min-w-0 flex-1 truncate text-slate-600">
                {d.reason}
                {d.warnings && d.warnings.length > 0 ? ` ${d.warnings.map((w) => w.message).join(" ")}` : ""}
                {d.diagnosis ? <span className="text-slate-500"> {diagnosisLine(d.diagnosis)}</span> : null}
                {(d.messageId ?? d.diagnosis?.messageId) ? <span className="font-mono text-xs text-slate-500"> · id {d.messageId ?? d.diagnosis?.messageId}</span> : null}
              </span>
              <span className="text-xs text-slate-500">{d.latencyMs} ms</span>
            </summary>
            <DeliveryDetails delivery={d} canDebug={canDebug} sessionsHref={sessionsHref} />
          </details>
        </li>
      ))}
    </ul>
  );
}
