import type { FieldIssue } from "@/lib/errors/app-error";
import { hmacSettingsIssues } from "@/lib/hmac/settings-rules";
import { isStrictOrigin } from "./trigger-schemas";
import type { TWorkflowDefinition } from "./schemas";

// Rules a definition must meet to be saved or published, on top of its schema. Kept out of
// the schema so a definition stored before a rule existed still loads (the builder can open
// and fix it); what reads stored values guards itself meanwhile (the verifier refuses
// ambiguous custom templates, the CSP leaves out origins outside the strict grammar).

/** Issues with paths from the definition's root, e.g. ["trigger", "hmac", "custom", "prefix"]. */
export function definitionSaveIssues(definition: TWorkflowDefinition): FieldIssue[] {
  const issues: FieldIssue[] = hmacSettingsIssues(definition.trigger.hmac).map((issue) => ({ path: ["trigger", "hmac", ...issue.path], message: issue.message }));
  definition.trigger.allowedOrigins.forEach((origin, index) => {
    if (!isStrictOrigin(origin)) {
      issues.push({ path: ["trigger", "allowedOrigins", index], message: `"${origin}" is not an origin: use only scheme, host name and port, e.g. https://portal.example.com (no wildcards, quotes, commas or semicolons)` });
    }
  });
  return issues;
}
