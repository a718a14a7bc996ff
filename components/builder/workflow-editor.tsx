"use client";

import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import type { ActionState } from "@/lib/http/form-state";
import { allFieldKeys, move, newStep, type Issues } from "./editor-state";
import { MappingEditor, type DetectedFieldHint } from "./mapping-editor";
import { OriginsEditor } from "./origins-editor";
import { StepEditor } from "./step-editor";
import { TriggerPanel } from "./trigger-panel";

type SaveDraftResult = ActionState<{ revision: number }>;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The whole definition as one client-side form state, saved as the draft in one go with the
 * revision it was based on, so a save never silently overwrites someone else's.
 */
export function WorkflowEditor({
  initial,
  revision: initialRevision,
  canEdit,
  save,
  detected,
  liveHmacEnabled,
  webhookTabHref,
}: {
  initial: TWorkflowDefinition;
  revision: number;
  canEdit: boolean;
  save: (input: { definition: unknown; expectedRevision: number }) => Promise<SaveDraftResult>;
  detected: DetectedFieldHint[];
  liveHmacEnabled: boolean | null;
  webhookTabHref: string;
}) {
  const [definition, setDefinition] = useState(initial);
  const [saved, setSaved] = useState(() => JSON.stringify(initial));
  const [revision, setRevision] = useState(initialRevision);
  const [issues, setIssues] = useState<Issues>({});
  const [result, setResult] = useState<SaveDraftResult | null>(null);
  const [pending, startTransition] = useTransition();
  const dirty = JSON.stringify(definition) !== saved;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const update = (next: Partial<TWorkflowDefinition>) => setDefinition((d) => ({ ...d, ...next }));

  function onSave(event: React.FormEvent) {
    event.preventDefault();
    const snapshot = definition;
    startTransition(async () => {
      const outcome = await save({ definition: snapshot, expectedRevision: revision });
      setResult(outcome);
      setIssues(outcome.fieldErrors ?? {});
      if (outcome.ok && outcome.data) {
        setRevision(outcome.data.revision);
        setSaved(JSON.stringify(snapshot));
      }
    });
  }

  const issueCount = Object.keys(issues).length;
  return (
    <form onSubmit={onSave} noValidate aria-label="Workflow definition" className="space-y-8">
      {!canEdit && <Alert tone="info">You have view access to this workspace, so the builder is read-only.</Alert>}
      {canEdit && (
        <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur">
          <Button type="submit" disabled={pending || !dirty} aria-disabled={pending || !dirty}>
            {pending ? "Saving…" : "Save draft"}
          </Button>
          <p className="text-sm text-slate-600" aria-live="polite">
            {pending ? "Saving the draft…" : dirty ? "You have unsaved edits." : "All edits saved to the draft."}
          </p>
        </div>
      )}
      {result && !pending && (
        <div aria-live="polite">
          {result.ok ? (
            // "Draft saved" only while nothing has changed since the save.
            !dirty && <Alert tone="success">{result.message} Publish to make it live.</Alert>
          ) : (
            <Alert>
              <span className="font-medium">{result.conflict ? "Edit conflict: " : ""}</span>
              {result.message}
              {issueCount > 0 && ` ${issueCount} ${issueCount === 1 ? "problem is" : "problems are"} marked below.`}
              {result.conflict && (
                <Button type="button" variant="secondary" className="ml-3 mt-2" onClick={() => window.location.reload()}>
                  Reload latest draft
                </Button>
              )}
            </Alert>
          )}
        </div>
      )}
      <fieldset disabled={!canEdit} className="min-w-0 space-y-8">
        <Section id="steps-heading" title="Form steps">
          {issues.steps && <Alert>{issues.steps}</Alert>}
          <div className="space-y-4">
            {definition.steps.map((step, i) => (
              <StepEditor
                key={i}
                step={step}
                index={i}
                stepCount={definition.steps.length}
                definition={definition}
                issues={issues}
                onChange={(next) => update({ steps: definition.steps.map((s, j) => (j === i ? next : s)) })}
                onRemove={() => update({ steps: definition.steps.filter((_, j) => j !== i) })}
                onMove={(delta) => update({ steps: move(definition.steps, i, i + delta) })}
              />
            ))}
          </div>
          <Button type="button" variant="secondary" onClick={() => update({ steps: [...definition.steps, newStep(definition)] })}>
            Add step
          </Button>
        </Section>
        <Section id="mapping-heading" title="Payload mapping">
          <MappingEditor
            mapping={definition.mapping}
            fieldKeys={allFieldKeys(definition).filter(Boolean)}
            detected={detected}
            issues={issues}
            onChange={(mapping) => update({ mapping })}
          />
        </Section>
        <Section id="trigger-heading" title="Webhook trigger">
          <TriggerPanel
            hmac={definition.trigger.hmac}
            liveHmacEnabled={liveHmacEnabled}
            issues={issues}
            webhookTabHref={webhookTabHref}
            onChange={(hmac) => update({ trigger: { ...definition.trigger, hmac } })}
          />
        </Section>
        <Section id="embed-heading" title="Embedding">
          <OriginsEditor
            origins={definition.trigger.allowedOrigins}
            issues={issues}
            onChange={(allowedOrigins) => update({ trigger: { ...definition.trigger, allowedOrigins } })}
          />
        </Section>
      </fieldset>
    </form>
  );
}
