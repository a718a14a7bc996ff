import { CodeBlock } from "./copy-button";

/** The allowed origins in force and the embed snippet: server side (signing + iframe) and browser side (events). */
export function EmbedPanel({
  liveOrigins,
  draftOrigins,
  builderHref,
  snippet,
  browserSnippet,
}: {
  liveOrigins: string[] | null;
  draftOrigins: string[];
  builderHref: string;
  snippet: string;
  browserSnippet: string;
}) {
  const changed = liveOrigins !== null && JSON.stringify(liveOrigins) !== JSON.stringify(draftOrigins);
  return (
    <div className="space-y-3">
      <div className="text-sm">
        <p className="font-medium">Origins allowed to frame session pages (published)</p>
        {liveOrigins && liveOrigins.length > 0 ? (
          <ul className="mt-1 list-inside list-disc" data-testid="live-origins">
            {liveOrigins.map((o) => (
              <li key={o}>
                <code>{o}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-slate-600">None: session pages refuse to be shown in an iframe anywhere.</p>
        )}
        {changed && <p className="mt-1 text-amber-900">The draft has a different list; it applies on Publish.</p>}
        <p className="mt-1 text-slate-600">
          Edit the list in the{" "}
          <a className="font-medium text-brand-700 underline" href={`${builderHref}#embed-heading`}>
            Builder&apos;s Embedding section
          </a>
          . Builder pages can never be framed.
        </p>
      </div>
      <CodeBlock code={snippet} label="Embed snippet" testId="embed-snippet" />
      <p className="text-sm text-slate-600">
        In the portal&apos;s page, this script sizes the iframe to the form (from its <code>signet:resize</code> events) and calls{" "}
        <code>onComplete</code> with the session id and the redirect URL once the form is completed.
      </p>
      <CodeBlock code={browserSnippet} label="Embed snippet, browser side" testId="embed-browser-snippet" />
    </div>
  );
}
