import { isStorableText } from "@/lib/db/lookup-key";

// PostgreSQL's text and jsonb cannot hold U+0000, and jsonb refuses unpaired UTF-16
// surrogates ("\ud800"), though both are valid in JSON text. Values headed for the database
// are checked here first, so such input is a clear 422 rather than a failed insert (a 500).

export const UNSTORABLE_TEXT_MESSAGE = "contains a NUL character (U+0000) or an unpaired surrogate, which cannot be stored";

export { isStorableText };

/** The first string (key or value) anywhere in `value` that cannot be stored, or null. */
export function findUnstorableText(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (!isStorableText(item)) return item;
    } else if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
    } else if (item !== null && typeof item === "object") {
      for (const [key, member] of Object.entries(item)) {
        if (!isStorableText(key)) return key;
        stack.push(member);
      }
    }
  }
  return null;
}
