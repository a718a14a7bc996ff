"use client";

import { useMemo, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TField, TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { CompletionEditor } from "./completion-editor";
import { EditorWithPreview } from "./editor-with-preview";
import { allFieldKeys, inputId, move, newStep, type Issues } from "./editor-state";
import { MappingEditor, type DetectedFieldHint } from "./mapping-editor";
import { OriginsEditor } from "./origins-editor";
import { SortableList } from "./sortable-list";
import { StepEditor } from "./step-editor";
import { TriggerPanel } from "./trigger-panel";
import { autosaveText, useDraftAutosave, type SaveDraftResult } from "./use-draft-autosave";

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

const asDefinition = (definition: TWorkflowDefinition) => definition;

/**
 * The whole definition as one client-side form state, saved automatically as the draft (a
 * short pause after each edit) with the revision it was based on, so a save never silently
 * overwrites someone else's. "Save draft" saves at once.
 */
export function WorkflowEditor({
  initial,
  revision,
  canEdit,
  save,
  detected,
  liveHmacEnabled,
  webhookTabHref,
  samplePayload = null,
  published = null,
  sidebar,
}: {
  initial: TWorkflowDefinition;
  revision: number;
  canEdit: boolean;
  save: (input: { definition: unknown; expectedRevision: number }) => Promise<SaveDraftResult>;
  detected: DetectedFieldHint[];
  liveHmacEnabled: boolean | null;
  webhookTabHref: string;
  /** The latest test request's payload: the preview's sample values. */
  samplePayload?: unknown;
  /** The live version, whose field keys and option values the editor keeps fixed. */
  published?: TWorkflowDefinition | null;
  /** Shown under the editor (the direct link panel). */
  sidebar?: ReactNode;
}) {
  const [definition, setDefinition] = useState(initial);
  const [manual, setManual] = useState<"saved" | null>(null);
  const publishedFields = useMemo(() => new Map<string, TField>(published?.steps.flatMap((s) => s.fields.map((f) => [f.key, f] as const)) ?? []), [published]);
  const autosave = useDraftAutosave({ value: definition, initialRevision: revision, toDefinition: asDefinition, save, enabled: canEdit });
  const issues: Issues = autosave.status === "invalid" || autosave.status === "conflict" ? (autosave.fieldErrors ?? {}) : {};
  const failed = autosave.status === "invalid" || autosave.status === "conflict" || autosave.status === "offline";

  const update = (next: Partial<TWorkflowDefinition>) => {
    setManual(null);
    setDefinition((d) => ({ ...d, ...next }));
  };

  function onSave(event: React.FormEvent) {
    event.preventDefault();
    void autosave.saveNow().then((saved) => setManual(saved ? "saved" : null));
  }

  const issueCount = Object.keys(issues).length;
  const busy = autosave.status === "saving";
  const editor = (
    <form onSubmit={onSave} noValidate aria-label="Workflow definition" className="space-y-8">
      {!canEdit && <Alert tone="info">You have view access to this workspace, so the builder is read-only.</Alert>}
      {canEdit && (
        <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur">
          <Button type="submit" variant="secondary" disabled={busy || autosave.status === "conflict"}>
            {busy ? "Saving…" : "Save draft"}
          </Button>
          <p className="text-sm text-slate-600" aria-live="polite" data-testid="autosave-status">
            {autosaveText(autosave)}
          </p>
        </div>
      )}
      {(failed || manual) && (
        <div aria-live="polite">
          {!failed ? (
            <Alert tone="success">Draft saved. Publish to make it live.</Alert>
          ) : (
            <Alert>
              <span className="font-medium">{autosave.status === "conflict" ? "Edit conflict: " : ""}</span>
              {autosave.message}
              {issueCount > 0 && ` ${issueCount} ${issueCount === 1 ? "problem is" : "problems are"} marked below.`}
              {autosave.status === "conflict" && (
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
          <SortableList
            list="steps"
            count={definition.steps.length}
            nameOf={(i) => `step ${i + 1}${definition.steps[i]?.title ? ` "${definition.steps[i]!.title}"` : ""}`}
            onMove={(from, to) => update({ steps: move(definition.steps, from, to) })}
          >
            <div className="space-y-4">
              {definition.steps.map((step, i) => (
                <StepEditor
                  key={i}
                  step={step}
                  index={i}
                  list="steps"
                  stepCount={definition.steps.length}
                  definition={definition}
                  issues={issues}
                  publishedFields={publishedFields}
                  onChange={(next) => update({ steps: definition.steps.map((s, j) => (j === i ? next : s)) })}
                  onRemove={() => update({ steps: definition.steps.filter((_, j) => j !== i) })}
                />
              ))}
            </div>
          </SortableList>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              update({ steps: [...definition.steps, newStep(definition)] });
              // The new step's title is what one types next.
              requestAnimationFrame(() => document.getElementById(inputId(["steps", definition.steps.length, "title"]))?.focus());
            }}
          >
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
        <Section id="completion-heading" title="When the session is completed">
          <CompletionEditor
            completion={definition.completion}
            fieldKeys={allFieldKeys(definition).filter(Boolean)}
            issues={issues}
            onChange={(completion) => update({ completion })}
          />
        </Section>
      </fieldset>
    </form>
  );
  return <EditorWithPreview editor={editor} definition={definition} samplePayload={samplePayload} sidebar={sidebar} />;
}
