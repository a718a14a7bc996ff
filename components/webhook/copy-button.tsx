"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ScrollBox } from "@/components/ui/scroll-box";

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({ text, label = "Copy", className = "" }: { text: string; label?: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed"); // e.g. an insecure (http, non-localhost) origin without clipboard access.
    }
    setTimeout(() => setState("idle"), 2000);
  }
  return (
    <Button type="button" variant="secondary" className={`px-2.5 py-1 text-xs ${className}`} onClick={copy} aria-label={label === "Copy" ? undefined : label}>
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select and copy" : label}
    </Button>
  );
}

/**
 * A labelled block of code with its copy button in a bar above it (never over the first
 * line). The code scrolls inside its own box, so a long line never widens the page.
 */
export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  return (
    <div className="min-w-0 overflow-hidden rounded-md bg-slate-900">
      <div className="flex items-center justify-between gap-2 border-b border-slate-700 px-3 py-1.5">
        <span className="truncate text-xs text-slate-300">{label}</span>
        <CopyButton text={code} label={`Copy ${label}`} className="shrink-0" />
      </div>
      <ScrollBox label={label} testId={testId} className="max-h-96 overflow-auto p-4 text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </ScrollBox>
    </div>
  );
}
