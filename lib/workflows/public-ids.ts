import { randomBytes } from "node:crypto";

// Public identifiers are random, not derived from internal ids, so a URL reveals nothing and
// can't be guessed: 144 bits for hook ids, 48 bits of suffix on top of a readable slug.

export function generateHookId(): string {
  return `hk_${randomBytes(18).toString("base64url")}`;
}

export function generateSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "workflow"}-${randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
}
