/** An unknown or mistyped session link (404). */
export function SessionNotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-8">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 id="not-found-heading" className="mt-2 text-2xl font-semibold">
        Form not found
      </h1>
      <p className="mt-2 text-slate-600">This link doesn&apos;t lead to a form. Check that you copied all of it, or ask the sender for a new link.</p>
    </section>
  );
}
