// PostgreSQL's text cannot hold U+0000 and refuses unpaired UTF-16 surrogates: a query that
// compares a column with such a value fails (a 500) instead of finding nothing. An id, slug or
// token from a URL that holds one names no row, so every lookup by such a key answers "not
// found" without asking the database.

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/** True when `key` could be the value of a text column: worth looking up. */
export function isLookupKey(key: string): boolean {
  return key.length > 0 && isStorableText(key);
}
