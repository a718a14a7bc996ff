/**
 * The participant's page frame. Embedded (?embed=1, in a portal's iframe) it is only the
 * content, with no header or footer and no minimum height, so the frame fits its content.
 */
export function SessionShell({ workflowName, test, embed, children }: { workflowName: string | null; test: boolean; embed: boolean; children: React.ReactNode }) {
  const testBadge = test && (
    <span className="shrink-0 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">Test session</span>
  );
  if (embed) {
    return (
      <main id="main" className="mx-auto max-w-2xl p-3 sm:p-4" data-embed="1">
        {testBadge && <div className="mb-3">{testBadge}</div>}
        {children}
      </main>
    );
  }
  return (
    <div className="flex min-h-screen flex-col">
      {workflowName && (
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-2xl items-center gap-3 px-4 py-3">
            <p className="min-w-0 break-words font-semibold">{workflowName}</p>
            {testBadge}
          </div>
        </header>
      )}
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="py-6 text-center text-xs text-slate-600">Powered by Signet</footer>
    </div>
  );
}
