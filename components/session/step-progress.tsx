/**
 * Where the participant is: "Step 2 of 3" and a bar with one segment per step. Each segment
 * names its step for screen readers (done, current, to do); one-step forms show nothing.
 */
export function StepProgress({ steps, current }: { steps: { id: string; title: string }[]; current: number }) {
  if (steps.length < 2) return null;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-brand-700">
        Step {current + 1} of {steps.length}
      </p>
      <ol aria-label="Progress" className="flex gap-1.5">
        {steps.map((step, index) => {
          const state = index < current ? "done" : index === current ? "current" : "to do";
          return (
            <li
              key={step.id}
              aria-current={index === current ? "step" : undefined}
              className={`h-1.5 flex-1 rounded-full ${index <= current ? "bg-brand-600" : "bg-slate-200"}`}
            >
              <span className="sr-only">
                {step.title} ({state})
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
