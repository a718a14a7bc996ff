"use client";

import { useState, type ReactNode } from "react";
import type { TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { FormPreview, type PreviewWidth } from "./form-preview";

/**
 * The editor with the live preview beside it on wide screens (sticky while the editor
 * scrolls; anything else, like the direct link panel, goes under the editor so it never
 * slides under the preview). On a phone the preview is behind a toggle above the editor, so
 * the page stays one column. "Wide" gives the preview more of the row at the editor's expense.
 */
export function EditorWithPreview({
  editor,
  definition,
  samplePayload,
  sidebar,
}: {
  editor: ReactNode;
  definition: TWorkflowDefinition;
  samplePayload: unknown;
  sidebar?: ReactNode;
}) {
  const [width, setWidth] = useState<PreviewWidth>("phone");
  const [openOnPhone, setOpenOnPhone] = useState(false);
  return (
    <div className={`grid gap-6 lg:gap-8 ${width === "phone" ? "lg:grid-cols-[minmax(0,1fr)_26rem]" : "lg:grid-cols-[minmax(0,1fr)_minmax(0,42rem)]"}`}>
      <button
        type="button"
        aria-expanded={openOnPhone}
        aria-controls="form-preview-panel"
        onClick={() => setOpenOnPhone((open) => !open)}
        className="order-first justify-self-start rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 lg:hidden"
      >
        {openOnPhone ? "Hide preview" : "Show preview"}
      </button>
      <div className="min-w-0 space-y-8">
        {editor}
        {sidebar}
      </div>
      <div
        id="form-preview-panel"
        className={`order-first min-w-0 lg:order-none lg:sticky lg:top-4 lg:block lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto ${openOnPhone ? "" : "hidden"}`}
      >
        <FormPreview definition={definition} samplePayload={samplePayload} width={width} onWidth={setWidth} />
      </div>
    </div>
  );
}
