import type { ReactNode } from "react";

// Boxes that scroll inside the page (code, wide tables). Keyboard users can only scroll a box
// they can focus, so each takes focus and is a named region (axe: scrollable-region-focusable).

/** Preformatted text in its own scrolling box. */
export function ScrollBox({ label, className, testId, children }: { label: string; className: string; testId?: string; children: ReactNode }) {
  return (
    <pre role="region" aria-label={label} tabIndex={0} data-testid={testId} className={className}>
      {children}
    </pre>
  );
}

/** A block (a wide table) in its own scrolling box, named by `label` or by the element `labelledBy`. */
export function ScrollRegion({ label, labelledBy, className, children }: { label?: string; labelledBy?: string; className: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} className={className}>
      {children}
    </div>
  );
}
