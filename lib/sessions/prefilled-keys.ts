// Which answers a session started with: the fields its starting payload filled in (a webhook's
// mapped values; a direct link starts with none). Recorded on the session when it is created
// (Session.prefilled), because the answers saved later overwrite the same keys in its data.
// The one rule for every writer of sessions and every reader (the sessions table, exports,
// completion webhooks' `prefilled`).

/** The keys of a session's starting data that hold a value. */
export function prefilledKeys(data: unknown): string[] {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key]) => key);
}
