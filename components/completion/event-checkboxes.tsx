"use client";

import { EVENT_LABELS, type EventType } from "./completion-types";

/** The event types an endpoint subscribes to. */
export function EventCheckboxes({ value, onChange, disabled }: { value: string[]; onChange: (events: string[]) => void; disabled?: boolean }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">Events</legend>
      {(Object.keys(EVENT_LABELS) as EventType[]).map((type) => (
        <label key={type} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={value.includes(type)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? [...value, type] : value.filter((v) => v !== type))}
          />
          {EVENT_LABELS[type]} <code className="text-xs text-slate-500">{type}</code>
        </label>
      ))}
    </fieldset>
  );
}
