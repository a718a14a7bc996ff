"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useDraftSync } from "./draft-sync";
import type { ActionState } from "@/lib/http/form-state";
import type { Issues } from "./editor-state";

/** What saving the draft answers (saveDraftAction). */
export type SaveDraftResult = ActionState<{ revision: number }>;

export type AutosaveStatus = "saved" | "waiting" | "saving" | "invalid" | "conflict" | "offline";

export interface AutosaveState {
  status: AutosaveStatus;
  message?: string;
  fieldErrors?: Issues;
}

const DELAY_MS = 800;

/**
 * Autosave of an editor's state into the draft: a pause after the last edit, then one save
 * with the revision it is based on; never two saves at once. A conflict (another tab saved)
 * stops saving until the builder reloads, so nothing is overwritten; an invalid draft is
 * retried on the next edit. Registers with the page's DraftSyncProvider so links and Publish
 * see the unsaved edits.
 */
export function useDraftAutosave<T>({
  value,
  initialRevision,
  toDefinition,
  save,
  enabled,
}: {
  value: T;
  initialRevision: number;
  toDefinition: (value: T) => unknown;
  save: (input: { definition: unknown; expectedRevision: number }) => Promise<SaveDraftResult>;
  enabled: boolean;
}) {
  const sync = useDraftSync();
  const [state, setState] = useState<AutosaveState>({ status: "saved" });
  const valueRef = useRef(value);
  const savedJson = useRef(JSON.stringify(value));
  const revision = useRef(initialRevision);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const statusRef = useRef<AutosaveState>({ status: "saved" });
  const publishJson = useRef<string | null>(null);
  // Latest callbacks without re-running effects on every render.
  const fns = useRef({ toDefinition, save });

  const update = useCallback((next: AutosaveState) => {
    statusRef.current = next;
    setState(next);
  }, []);
  const dirty = useCallback(() => JSON.stringify(valueRef.current) !== savedJson.current, []);
  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  /** One save of what is on screen now; false when it was refused or the screen moved on meanwhile. */
  const saveOnce = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (statusRef.current.status === "conflict") return false;
    if (!dirty()) {
      update({ status: "saved" });
      return true;
    }
    const snapshot = valueRef.current;
    const json = JSON.stringify(snapshot);
    update({ status: "saving" });
    const attempt = (async () => {
      const result = await fns.current.save({ definition: fns.current.toDefinition(snapshot), expectedRevision: revision.current });
      if (result.ok && result.data) {
        revision.current = result.data.revision;
        savedJson.current = json;
        if (!dirty()) {
          update({ status: "saved", message: result.message });
          return true;
        }
        update({ status: "waiting" });
        return false;
      }
      update({ status: result.conflict ? "conflict" : "invalid", message: result.message, fieldErrors: result.fieldErrors });
      return false;
    })()
      .catch(() => {
        update({ status: "offline", message: "The server could not be reached; your edits are kept on this page and saved on the next change." });
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    return attempt;
  }, [dirty, update]);

  const runSave = useCallback(async (): Promise<boolean> => {
    // Edits made while a save was on its way get their own save (a bounded number of rounds).
    for (let round = 0; round < 5; round++) {
      if (await saveOnce()) return true;
      if (statusRef.current.status !== "waiting") return false;
    }
    return false;
  }, [saveOnce]);

  useEffect(() => {
    valueRef.current = value;
    fns.current = { toDefinition, save };
    if (!enabled || statusRef.current.status === "conflict") return;
    if (!dirty()) {
      if (statusRef.current.status === "waiting") update({ status: "saved" });
      return;
    }
    if (statusRef.current.status !== "saving") update({ status: "waiting" });
    stopTimer();
    timer.current = setTimeout(() => void runSave(), DELAY_MS);
    return stopTimer;
  }, [value, enabled, toDefinition, save, dirty, runSave, update]);

  useEffect(() => {
    if (!sync || !enabled) return;
    return sync.register({
      hasUnsaved: () => inFlight.current !== null || dirty(),
      unsavedProblem: () => (["invalid", "conflict", "offline"].includes(statusRef.current.status) ? (statusRef.current.message ?? null) : null),
      flush: () => {
        stopTimer();
        return runSave();
      },
      forPublish: async () => {
        stopTimer();
        if (inFlight.current) await inFlight.current;
        if (!dirty()) return { expectedRevision: revision.current };
        publishJson.current = JSON.stringify(valueRef.current);
        return { definition: fns.current.toDefinition(valueRef.current), expectedRevision: revision.current };
      },
      published: (nextRevision) => {
        revision.current = nextRevision;
        if (publishJson.current !== null) savedJson.current = publishJson.current;
        publishJson.current = null;
        update({ status: dirty() ? "waiting" : "saved" });
      },
    });
  }, [sync, enabled, dirty, runSave, update]);

  return {
    ...state,
    /** Saves at once (the "Save draft" button). */
    saveNow: () => {
      stopTimer();
      return runSave();
    },
  };
}

/** The status line every autosaving editor shows. */
export function autosaveText(state: AutosaveState): string {
  switch (state.status) {
    case "saved":
      return "All changes saved to the draft.";
    case "waiting":
      return "Unsaved changes…";
    case "saving":
      return "Saving…";
    case "invalid":
      return "Not saved: fix the problems marked below.";
    case "conflict":
      return "Not saved: someone else saved this workflow. Reload to see their changes.";
    case "offline":
      return "Not saved: the server could not be reached.";
  }
}
