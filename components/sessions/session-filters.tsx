// Live or test sessions, as plain links: the URL is the filter, so it can be shared.

export function SessionFilters({ base, test }: { base: string; test: boolean }) {
  const choices = [
    { label: "Live", href: base, current: !test },
    { label: "Test", href: `${base}?mode=test`, current: test },
  ];
  return (
    <div role="group" aria-label="Mode" className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white text-sm">
      {choices.map((choice) => (
        <a
          key={choice.label}
          href={choice.href}
          aria-current={choice.current ? "true" : undefined}
          className={`border-r border-slate-300 px-3 py-1.5 last:border-r-0 ${choice.current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-50"}`}
        >
          {choice.label}
        </a>
      ))}
    </div>
  );
}
