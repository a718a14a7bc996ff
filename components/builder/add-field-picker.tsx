"use client";

import { useState } from "react";
import type { TFieldType } from "@/lib/workflows/definition/schemas";
import { FIELD_TYPES } from "@/lib/workflows/definition/field-schemas";
import { SmallButton } from "./editor-inputs";
import { FIELD_TYPE_DESCRIPTIONS, FIELD_TYPE_LABELS } from "./editor-state";

/** "Add field": a short list of the field types, each with what it is for; picking one adds it. */
export function AddFieldPicker({ stepNumber, onPick }: { stepNumber: number; onPick: (type: TFieldType) => void }) {
  const [open, setOpen] = useState(false);
  const listId = `add-field-${stepNumber}`;
  return (
    <div className="mt-3">
      <SmallButton aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Add field to step {stepNumber}
      </SmallButton>
      {open && (
        <ul id={listId} aria-label={`Field types for step ${stepNumber}`} className="mt-2 grid gap-2 sm:grid-cols-2">
          {FIELD_TYPES.map((type) => (
            <li key={type}>
              <button
                type="button"
                autoFocus={type === FIELD_TYPES[0]}
                onClick={() => {
                  setOpen(false);
                  onPick(type);
                }}
                className="h-full w-full rounded-lg bg-white px-3 py-2 text-left ring-1 ring-inset ring-slate-300 hover:bg-brand-50 hover:ring-brand-600"
              >
                <span className="block text-sm font-medium text-slate-900">{FIELD_TYPE_LABELS[type]}</span>
                <span className="block text-xs text-slate-600">{FIELD_TYPE_DESCRIPTIONS[type]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
