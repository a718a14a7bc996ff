import { CopyButton } from "./copy-button";

/** The production and test URLs of the webhook step, each with a copy button. */
export function EndpointUrls({ hookUrl, testUrl, published }: { hookUrl: string; testUrl: string; published: boolean }) {
  const rows = [
    { label: "Production URL", url: hookUrl, hint: "Starts real sessions from the published version." },
    {
      label: "Test URL",
      url: testUrl,
      hint: "Works on the draft, published or not: verifies with the draft's HMAC settings (never weaker than live), maps with the draft's mapping, creates test sessions and records the payload as a sample.",
    },
  ];
  return (
    <div className="space-y-3">
      {!published && <p className="text-sm text-amber-800">Not published yet: the production URL answers 404 until the first Publish; the test URL works now.</p>}
      {rows.map((row) => (
        <div key={row.label}>
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm font-medium text-slate-800">{row.label}</p>
            <CopyButton text={row.url} label={`Copy ${row.label.toLowerCase()}`} className="shrink-0" />
          </div>
          {/* Whole, wrapping anywhere: the hook id at the end is the part that matters. */}
          <code data-testid={row.label === "Test URL" ? "test-url" : "production-url"} className="mt-1 block break-all rounded-md bg-slate-100 px-3 py-2 text-sm">
            POST {row.url}
          </code>
          <p className="mt-1 text-xs text-slate-600">{row.hint}</p>
        </div>
      ))}
    </div>
  );
}
