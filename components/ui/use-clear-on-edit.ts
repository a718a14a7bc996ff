"use client";

import { useEffect, useState } from "react";

/**
 * A status message ("Saved.", "Published version 3") that goes away on the user's next edit
 * anywhere on the page (an input or change event), so it never describes a state the page
 * has moved past. A new message (a new object or string from the next submit) shows again.
 */
export function useClearOnEdit<T>(message: T): T | null {
  const [cleared, setCleared] = useState<T | null>(null);
  useEffect(() => {
    if (message === null || message === undefined) return;
    const clear = () => setCleared(() => message);
    document.addEventListener("input", clear, true);
    document.addEventListener("change", clear, true);
    return () => {
      document.removeEventListener("input", clear, true);
      document.removeEventListener("change", clear, true);
    };
  }, [message]);
  return cleared === message ? null : message;
}
