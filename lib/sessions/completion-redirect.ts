import { renderRedirectUrl, type TWorkflowDefinition } from "@/lib/workflows/definition";
import type { SessionData } from "./get-participant-session";

/**
 * Where a completed session sends its participant: the version's redirect template filled
 * from the stored answers (hidden fields included: they are how a portal passes its own ids
 * through), or null when the version has none.
 */
export function completionRedirectUrl(definition: Pick<TWorkflowDefinition, "completion">, data: SessionData): string | null {
  const template = definition.completion?.redirectUrl;
  return template ? renderRedirectUrl(template, data) : null;
}
