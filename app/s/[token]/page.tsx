import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getParticipantSession } from "@/lib/sessions/get-participant-session";
import { SessionShell } from "@/components/session/session-shell";
import { SessionCompleted } from "@/components/session/session-completed";
import { StepForm } from "@/components/session/step-form";
import { submitStepAction } from "./actions";

export const metadata = { title: "Form", robots: { index: false, follow: false } };

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ embed?: string | string[] }>;
}) {
  const { token } = await params;
  const embed = (await searchParams).embed === "1";
  const session = await getParticipantSession(await getDb(), token).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const step = session.steps[session.currentStep]!;
  return (
    <SessionShell workflowName={session.workflowName} test={session.test} embed={embed}>
      {session.status === "completed" ? (
        <SessionCompleted completedAt={session.completedAt} />
      ) : (
        <StepForm
          key={session.currentStep}
          step={step}
          stepIndex={session.currentStep}
          stepCount={session.steps.length}
          prefill={session.prefill}
          action={submitStepAction.bind(null, token, session.currentStep, embed)}
        />
      )}
    </SessionShell>
  );
}
