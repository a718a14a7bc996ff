const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/**
 * The end of a session. In an iframe (embed) it is a compact confirmation the portal shows in
 * place, without "close this page" (the participant stays on the portal's page).
 */
export function SessionCompleted({
  completedAt,
  embed,
  redirectUrl = null,
  takeFocus = false,
  headingLevel = 1,
}: {
  completedAt: string | null;
  embed: boolean;
  /** Not embedded, the page moves on to it by itself (a meta refresh); the link is for when it does not. */
  redirectUrl?: string | null;
  takeFocus?: boolean;
  /** 1 on the session page; lower inside another page (the builder's preview). */
  headingLevel?: 1 | 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const onward = !embed && redirectUrl !== null;
  const when = completedAt ? ` on ${dateFormat.format(new Date(completedAt))} UTC` : "";
  return (
    <section
      aria-labelledby="done-heading"
      className={`rounded-xl border border-emerald-200 bg-white text-center shadow-sm ${embed ? "p-5" : "p-6 sm:p-8"}`}
      data-testid="session-completed"
    >
      <p aria-hidden className={`mx-auto flex items-center justify-center rounded-full bg-emerald-100 text-emerald-700 ${embed ? "h-10 w-10 text-xl" : "h-12 w-12 text-2xl"}`}>
        ✓
      </p>
      <Heading id="done-heading" tabIndex={-1} autoFocus={takeFocus} className={`mt-3 font-semibold focus:outline-none ${embed ? "text-xl" : "text-2xl"}`}>
        Thank you — you&apos;re done
      </Heading>
      <p className="mt-2 text-slate-600">
        Your answers were submitted{when}.{embed || onward ? "" : " You can close this page."}
      </p>
      {onward && (
        <p className="mt-4">
          <a href={redirectUrl} className="font-medium text-brand-700 underline" data-testid="completion-continue">
            Continue
          </a>
        </p>
      )}
    </section>
  );
}
