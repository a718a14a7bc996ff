"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A submit button that shows progress and blocks double submits while its form is pending. */
export function SubmitButton({
  children,
  pendingText,
  variant,
  className,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} variant={variant} className={className}>
      {pending ? (pendingText ?? "Working…") : children}
    </Button>
  );
}
