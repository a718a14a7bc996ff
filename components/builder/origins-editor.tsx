"use client";

import { FieldError } from "@/components/ui/field";
import { PathInput, SmallButton } from "./editor-inputs";
import { inputId, issueAt, type Issues } from "./editor-state";

/** Origins allowed to show session pages in an iframe (CSP frame-ancestors). */
export function OriginsEditor({ origins, issues, onChange }: { origins: string[]; issues: Issues; onChange: (origins: string[]) => void }) {
  const path = ["trigger", "allowedOrigins"];
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Sites that may embed this workflow&apos;s session pages in an iframe, e.g. <code>https://portal.example.com</code>. With none, session
        pages can&apos;t be framed.
      </p>
      {origins.length > 0 && (
        <ul className="space-y-2">
          {origins.map((origin, i) => (
            <li key={i} className="flex flex-wrap items-start gap-2">
              <PathInput
                label={`Allowed origin ${i + 1}`}
                path={[...path, i]}
                issues={issues}
                value={origin}
                type="url"
                placeholder="https://portal.example.com"
                onValue={(value) => onChange(origins.map((o, j) => (j === i ? value : o)))}
                className="min-w-64 flex-1"
              />
              <SmallButton className="mt-6" aria-label={`Remove origin ${i + 1}`} onClick={() => onChange(origins.filter((_, j) => j !== i))}>
                Remove
              </SmallButton>
            </li>
          ))}
        </ul>
      )}
      <FieldError id={`${inputId(path)}-error`} message={issueAt(issues, path)} />
      <SmallButton onClick={() => onChange([...origins, ""])}>Add origin</SmallButton>
    </div>
  );
}
