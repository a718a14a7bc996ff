/** The participant's page frame; embedded (?embed=1) it is only the form, for an iframe. */
export function SessionShell({ workflowName, test, embed, children }: { workflowName: string; test: boolean; embed: boolean; children: React.ReactNode }) {
  const testBadge = test && (
    <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">Test session</span>
  );
  if (embed) {
    return (
      <main className="mx-auto max-w-2xl p-4" data-embed="1">
        {testBadge && <div className="mb-3">{testBadge}</div>}
        {children}
      </main>
    );
  }
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center gap-3 px-4 py-3">
          <p className="font-semibold">{workflowName}</p>
          {testBadge}
        </div>
      </header>
      <main className="mx-auto w-full max-w-2xl flex-1 px-4 py-8">{children}</main>
      <footer className="py-6 text-center text-xs text-slate-600">Powered by Signet</footer>
    </div>
  );
}
