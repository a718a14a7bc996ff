import type { SignatureDebug } from "@/lib/delivery-log/signature-debugger";

/** For test deliveries, editors only: what was received, what each active secret expects, hints. */
export function SignatureDebugger({ debug }: { debug: SignatureDebug }) {
  return (
    <section aria-label="Signature debugger" className="space-y-3 rounded-lg border border-violet-200 bg-violet-50/40 p-4">
      <h4 className="font-medium">Signature debugger</h4>
      <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Body length</dt>
        <dd>{debug.bodyLength} bytes</dd>
        <dt className="text-slate-600">Body SHA-256</dt>
        <dd className="break-all font-mono text-xs">{debug.bodySha256}</dd>
        <dt className="text-slate-600">Received</dt>
        <dd className="break-all font-mono text-xs">
          {Object.keys(debug.received).length === 0
            ? "No signature header"
            : Object.entries(debug.received).map(([name, value]) => (
                <div key={name}>
                  {name}: {value}
                </div>
              ))}
        </dd>
      </dl>
      <div>
        <h5 className="text-sm font-medium">Expected with each active secret</h5>
        {debug.problem ? <p className="text-sm text-amber-900">{debug.problem}</p> : null}
        {debug.expected.length === 0 && !debug.problem ? <p className="text-sm text-slate-600">No active secret.</p> : null}
        <ul className="mt-1 space-y-1">
          {debug.expected.map((e) => (
            <li key={e.secretId} className="break-all font-mono text-xs">
              <span className="mr-2 rounded bg-white px-1 py-0.5 ring-1 ring-slate-200">secret …{e.last4}</span>
              {Object.entries(e.headers).map(([name, value]) => `${name}: ${value}`).join("  ")}
            </li>
          ))}
        </ul>
      </div>
      {debug.hints.length > 0 ? (
        <div>
          <h5 className="text-sm font-medium">Hints</h5>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {debug.hints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
