"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef } from "react";

// One rule for the draft on every workflow page: edits are saved automatically (a short pause
// after typing, revision-checked so another tab's save is never overwritten), and nothing in
// the app navigates away from unsaved edits. A click on any same-origin link (tabs, header,
// breadcrumbs) first saves; if the edits cannot be saved (a problem in them, or a newer save
// in another tab) the builder is asked before leaving. Publish takes the edits on screen.

/** What the editor on screen offers the rest of the page. */
export interface DraftEditorHandle {
  /** True while some edit is not yet stored (waiting, saving, or refused). */
  hasUnsaved(): boolean;
  /** Why the unsaved edits could not be stored, in words, or null while they still can be. */
  unsavedProblem(): string | null;
  /** Saves now; resolves true when everything on screen is stored. */
  flush(): Promise<boolean>;
  /** Waits for a save in flight, then gives what Publish must send (the screen, if unsaved) and the revision it is based on. */
  forPublish(): Promise<{ definition?: unknown; expectedRevision: number }>;
  /** Publish stored the screen: this revision now holds it. */
  published(revision: number, definition: unknown): void;
}

interface DraftSync {
  register(editor: DraftEditorHandle): () => void;
  current(): DraftEditorHandle | null;
}

const DraftSyncContext = createContext<DraftSync | null>(null);

export function useDraftSync(): DraftSync | null {
  return useContext(DraftSyncContext);
}

function sameOriginLink(event: MouseEvent): URL | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A link to this very page (e.g. a #fragment) leaves nothing behind.
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return url;
}

export function DraftSyncProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const editorRef = useRef<DraftEditorHandle | null>(null);

  const register = useCallback((editor: DraftEditorHandle) => {
    editorRef.current = editor;
    return () => {
      if (editorRef.current === editor) editorRef.current = null;
    };
  }, []);
  const sync = useMemo<DraftSync>(() => ({ register, current: () => editorRef.current }), [register]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const editor = editorRef.current;
      if (!editor?.hasUnsaved()) return;
      const url = sameOriginLink(event);
      if (!url) return;
      // Captured on the document, before Next's Link sees the click.
      event.preventDefault();
      event.stopPropagation();
      void (async () => {
        const saved = await editor.flush();
        const problem = editor.unsavedProblem();
        if (!saved && !window.confirm(`Your latest edits are not saved: ${problem ?? "they could not be saved"}\n\nLeave this page and lose them?`)) return;
        router.push(`${url.pathname}${url.search}${url.hash}`);
      })();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (editorRef.current?.hasUnsaved()) event.preventDefault();
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden" && editorRef.current?.hasUnsaved()) void editorRef.current.flush();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, [router]);

  return <DraftSyncContext.Provider value={sync}>{children}</DraftSyncContext.Provider>;
}
