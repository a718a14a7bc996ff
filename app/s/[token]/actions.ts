"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";
import { submitSessionStep } from "@/lib/sessions/submit-session-step";

/** Saves one step of a session; the token in the URL is the participant's only credential. */
export async function submitStepAction(token: string, stepIndex: number, embed: boolean, _prev: FormState, formData: FormData): Promise<FormState> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    // Next adds its own $ACTION_* entries; files are never form values here.
    if (!key.startsWith("$") && typeof value === "string") values[key] = value;
  }
  return formAction(
    async () => {
      const result = await submitSessionStep(await getDb(), token, stepIndex, values);
      if (!result.ok) {
        const count = Object.keys(result.fieldErrors).length;
        return { ok: false, message: `Please fix ${count === 1 ? "the field" : `the ${count} fields`} marked below.`, fieldErrors: result.fieldErrors, values };
      }
      redirect(`/s/${token}${embed ? "?embed=1" : ""}`);
    },
    { values },
  );
}
