"use client";

import { useState } from "react";
import { LANGUAGE_LABELS, type Snippet } from "@/lib/snippets/types";
import { CodeBlock } from "./copy-button";

/** Ready-to-paste signing code, one tab per language. */
export function SigningHelp({ snippets, secretPlaceholder }: { snippets: Snippet[]; secretPlaceholder: string }) {
  const [current, setCurrent] = useState(snippets[0]?.language ?? "curl");
  const snippet = snippets.find((s) => s.language === current) ?? snippets[0];
  return (
    <div className="space-y-3">
      <div role="tablist" aria-label="Language" className="flex flex-wrap gap-1">
        {snippets.map((s) => (
          <button
            key={s.language}
            type="button"
            role="tab"
            aria-selected={s.language === current}
            onClick={() => setCurrent(s.language)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${s.language === current ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {LANGUAGE_LABELS[s.language]}
          </button>
        ))}
      </div>
      <p className="text-sm text-slate-600">
        Replace <code>{secretPlaceholder}</code> with your secret (better: read it from an environment variable). The code posts the sample
        body to the test URL.
      </p>
      {snippet &&
        (snippet.supported ? (
          <CodeBlock code={snippet.code} label={`${LANGUAGE_LABELS[snippet.language]} snippet`} testId={`snippet-${snippet.language}`} />
        ) : (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid={`snippet-${snippet.language}`}>
            {snippet.code.replace(/^(\/\/|#) /, "")}
          </p>
        ))}
    </div>
  );
}
