"use client";

import { redirectTemplateKeys, redirectTemplateProblem } from "@/lib/workflows/definition/redirect-template";
import type { TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { PathInput } from "./editor-inputs";
import type { Issues } from "./editor-state";

type Completion = TWorkflowDefinition["completion"];

const PATH = ["completion", "redirectUrl"];

/**
 * The problem with a redirect template as the builder types it: the same rules the server
 * applies on save (lib/workflows/definition), shown at once instead of after the autosave.
 */
function localProblem(template: string, fieldKeys: string[]): string | undefined {
  if (template === "") return undefined;
  const problem = redirectTemplateProblem(template);
  if (problem) return problem;
  const unknown = [...new Set(redirectTemplateKeys(template).filter((key) => !fieldKeys.includes(key)))];
  return unknown.length > 0 ? `Unknown field key ${unknown.map((k) => `{${k}}`).join(", ")}: use a key of this workflow's fields` : undefined;
}

/** "When the session is completed": where the participant's browser goes next. */
export function CompletionEditor({
  completion,
  fieldKeys,
  issues,
  onChange,
}: {
  completion: Completion;
  fieldKeys: string[];
  issues: Issues;
  onChange: (completion: Completion) => void;
}) {
  const template = completion?.redirectUrl ?? "";
  const problem = localProblem(template, fieldKeys);
  const key = PATH.join(".");
  const shown: Issues = problem ? { ...issues, [key]: problem } : issues;
  const setTemplate = (value: string) => {
    const rest = { ...completion };
    delete rest.redirectUrl;
    const next = value === "" ? rest : { ...rest, redirectUrl: value };
    onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Optional. Send the participant to your site once they finish, e.g. <code>https://portal.example.com/done?order={"{orderId}"}</code>. A{" "}
        <code>{"{fieldKey}"}</code> is replaced by that field&apos;s answer, URL-encoded; placeholders may only come after the host. In a
        portal&apos;s iframe the page does not leave the frame: the URL is sent to the portal with the <code>signet:completed</code> event.
      </p>
      <PathInput
        label="Redirect URL after completion"
        path={PATH}
        issues={shown}
        value={template}
        type="url"
        placeholder="https://portal.example.com/done?order={orderId}"
        onValue={setTemplate}
        className="max-w-2xl"
      />
      {fieldKeys.length > 0 && (
        <p className="text-xs text-slate-600">
          Field keys: {fieldKeys.map((k, i) => (
            <span key={k}>
              {i > 0 && ", "}
              <code>{`{${k}}`}</code>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
