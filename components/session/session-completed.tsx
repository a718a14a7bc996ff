const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export function SessionCompleted({ completedAt }: { completedAt: Date | null }) {
  return (
    <section aria-labelledby="done-heading" className="rounded-xl border border-emerald-200 bg-white p-8 text-center shadow-sm">
      <p aria-hidden className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-emerald-100 text-2xl text-emerald-700">
        ✓
      </p>
      <h1 id="done-heading" className="mt-4 text-2xl font-semibold">
        Thank you — you&apos;re done
      </h1>
      <p className="mt-2 text-slate-600">
        Your answers were submitted{completedAt ? ` on ${dateFormat.format(completedAt)} UTC` : ""}. You can close this page.
      </p>
    </section>
  );
}
