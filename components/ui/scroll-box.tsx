import type { ReactNode } from "react";

/**
 * Preformatted text that scrolls inside its own box. Keyboard users can only scroll a box they
 * can focus, so it takes focus and is named (axe: scrollable-region-focusable).
 */
export function ScrollBox({ label, className, testId, children }: { label: string; className: string; testId?: string; children: ReactNode }) {
  return (
    <pre role="region" aria-label={label} tabIndex={0} data-testid={testId} className={className}>
      {children}
    </pre>
  );
}
