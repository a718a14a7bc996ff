"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/http/form-state";

/** Accept and Decline for one invitation. */
export function AnswerButtons({ workspaceName, accept, decline }: { workspaceName: string; accept: (prev: FormState) => Promise<FormState>; decline: (prev: FormState) => Promise<FormState> }) {
  const [accepted, acceptAction] = useActionState(accept, {});
  const [declined, declineAction] = useActionState(decline, {});
  const failure = [accepted, declined].find((s) => s.ok === false && s.message);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <form action={declineAction}>
          <SubmitButton variant="secondary" pendingText="Declining…">
            Decline<span className="sr-only"> the invitation to {workspaceName}</span>
          </SubmitButton>
        </form>
        <form action={acceptAction}>
          <SubmitButton pendingText="Joining…">
            Accept<span className="sr-only"> the invitation to {workspaceName}</span>
          </SubmitButton>
        </form>
      </div>
      {failure && <Alert tone="error">{failure.message}</Alert>}
    </div>
  );
}
