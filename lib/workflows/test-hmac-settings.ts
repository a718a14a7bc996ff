import type { THmacSettings } from "@/lib/hmac/schemas";

/**
 * The HMAC settings the test URL verifies with (and the "send signed test request" button and
 * the signing snippets sign with): the draft's, so a builder can try a scheme before
 * publishing it — but never less than the live version requires. While the live version has
 * HMAC on, a draft with HMAC off does not open the test URL to unsigned requests: the live
 * settings apply until that draft is published. A draft with HMAC on uses its own scheme,
 * algorithm and tolerance even when they differ from the live ones: either way a request
 * must be signed with one of the workflow's active secrets.
 */
export function testHmacSettings(draft: THmacSettings, live: THmacSettings | null): THmacSettings {
  return live?.enabled && !draft.enabled ? live : draft;
}
