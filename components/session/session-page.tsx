import type { SessionPageView } from "@/lib/sessions/session-page";
import { SessionCompleted } from "./session-completed";
import { SessionNotFound } from "./session-not-found";
import { SessionShell } from "./session-shell";
import { SESSION_PAGE_SCRIPT } from "./session-page-script";
import { StepForm } from "./step-form";

export interface SessionPageProps {
  /** null: no session behind this token (404). */
  view: SessionPageView | null;
  embed: boolean;
  /** The response's CSP nonce, when the policy has one. */
  nonce: string | null;
}

/** The whole participant page: the frame, then the current step, the completion or a 404. */
export function SessionPage({ view, embed, nonce }: SessionPageProps) {
  if (!view) {
    return (
      <SessionShell workflowName={null} test={false} embed={embed}>
        <SessionNotFound />
      </SessionShell>
    );
  }
  return (
    <SessionShell workflowName={view.workflowName} test={view.test} embed={embed}>
      {view.status === "completed" ? (
        <SessionCompleted completedAt={view.completedAt} embed={embed} redirectUrl={view.redirectUrl} takeFocus />
      ) : (
        <StepForm
          step={view.step}
          stepIndex={view.stepIndex}
          steps={view.steps}
          values={view.values}
          submitted={view.submitted}
          fieldErrors={view.fieldErrors}
          message={view.message}
          takeFocus
        />
      )}
      {embed && <PortalEventData view={view} />}
      <script nonce={nonce ?? undefined} dangerouslySetInnerHTML={{ __html: SESSION_PAGE_SCRIPT }} />
    </SessionShell>
  );
}

/**
 * What the inline script posts to an embedding portal (session-page-script.ts), as data
 * attributes: the page itself stays plain HTML.
 */
function PortalEventData({ view }: { view: SessionPageView }) {
  return (
    <span
      hidden
      data-portal-events
      data-origins={view.embeddingOrigins.join(" ")}
      data-session-id={view.sessionId}
      data-status={view.status}
      data-step-index={view.stepIndex}
      data-step-id={view.step.id}
      data-redirect-url={view.redirectUrl ?? undefined}
    />
  );
}

/** The page title: the step and the workflow, so a tab or a screen reader says where one is. */
export function sessionPageTitle(view: SessionPageView | null): string {
  if (!view) return "Form not found";
  if (view.status === "completed") return `Done · ${view.workflowName}`;
  return `${view.step.title} · ${view.workflowName}`;
}
