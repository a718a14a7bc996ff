import type { SessionDetail } from "@/lib/sessions/get-session-detail";
import type { SessionAnswer } from "@/lib/sessions/sessions-table";
import { AnswerSource, answerText, SOURCE_LABELS, sessionDateFormat, StatusBadge } from "./session-badges";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="sm:contents">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const when = (date: Date | null) => (date ? `${sessionDateFormat.format(date)} UTC` : "—");

function AnswerValue({ answer }: { answer: SessionAnswer | null }) {
  if (!answer) return <span className="text-slate-500">No answer</span>;
  return (
    <>
      <span className="whitespace-pre-wrap break-words">{answerText(answer.value)}</span>
      <AnswerSource prefilled={answer.prefilled} visibleTyped />
    </>
  );
}

/** One session for the builder: what it is, when things happened, and every answer by step. */
export function SessionDetailView({ detail, listHref }: { detail: SessionDetail; listHref: string }) {
  return (
    <article aria-labelledby="session-heading" className="space-y-6">
      <div className="space-y-2">
        <a href={listHref} className="text-sm text-brand-700 hover:underline">
          <span aria-hidden>←</span> {detail.test ? "Test sessions" : "Live sessions"}
        </a>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="session-heading" className="text-lg font-semibold">
            Session started {when(detail.createdAt)}
          </h2>
          <StatusBadge status={detail.status} />
          {detail.test && <span className="rounded bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-800">Test</span>}
        </div>
      </div>

      <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
        <Fact label="Status">
          {detail.status === "completed"
            ? "Completed"
            : detail.currentStep
              ? `Open, on step ${detail.currentStep.index + 1} of ${detail.stepCount}: ${detail.currentStep.title}`
              : "Open"}
        </Fact>
        <Fact label="Started">{when(detail.createdAt)}</Fact>
        <Fact label="Last saved">{when(detail.updatedAt)}</Fact>
        <Fact label="Completed">{when(detail.completedAt)}</Fact>
        <Fact label="Started by">{SOURCE_LABELS[detail.source] ?? detail.source}</Fact>
        <Fact label="Form version">{detail.version.test ? `Draft as of revision ${detail.version.number} (test)` : `Version ${detail.version.number}`}</Fact>
        <Fact label="Session id">
          <code className="break-all text-xs">{detail.id}</code>
        </Fact>
      </dl>

      <section aria-labelledby="answers-heading" className="space-y-4">
        <div>
          <h3 id="answers-heading" className="font-semibold">
            Answers
          </h3>
          <p className="text-sm text-slate-600">
            <span className="font-medium text-violet-800">Prefilled</span>: came with the starting payload (the participant could still change an
            editable one). <span className="font-medium text-slate-700">Typed</span>: entered by the participant.
          </p>
        </div>
        {detail.steps.map((step, index) => (
          <section key={step.id} aria-labelledby={`step-${step.id}-heading`} className="rounded-xl border border-slate-200 bg-white p-4">
            <h4 id={`step-${step.id}-heading`} className="text-sm font-semibold">
              Step {index + 1}: {step.title}
              {!step.reached && <span className="ml-2 font-normal text-slate-600">(not saved yet)</span>}
            </h4>
            {step.fields.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No fields.</p>
            ) : (
              <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
                {step.fields.map((field) => (
                  <div key={field.key} className="sm:contents" data-testid={`answer-${field.key}`}>
                    <dt className="text-slate-600">
                      {field.label}
                      {field.type === "hidden" && <span className="ml-1 text-xs">(hidden)</span>}
                      {field.readOnly && <span className="ml-1 text-xs">(read-only)</span>}
                    </dt>
                    <dd className="min-w-0">
                      <AnswerValue answer={field.answer} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        ))}
        {detail.other.length > 0 && (
          <section aria-labelledby="other-data-heading" className="rounded-xl border border-slate-200 bg-white p-4">
            <h4 id="other-data-heading" className="text-sm font-semibold">
              Other data
            </h4>
            <p className="text-xs text-slate-600">Stored under keys this version of the form doesn&apos;t have.</p>
            <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
              {detail.other.map(({ key, answer }) => (
                <div key={key} className="sm:contents">
                  <dt className="font-mono text-xs text-slate-600">{key}</dt>
                  <dd className="min-w-0">
                    <AnswerValue answer={answer} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        )}
      </section>
    </article>
  );
}
