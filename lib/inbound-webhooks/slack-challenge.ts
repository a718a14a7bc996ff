/**
 * Slack's Events API checks a new endpoint with a signed `{"type":"url_verification",
 * "challenge":"…"}` and expects the challenge back. Null for any other payload.
 */
export function slackChallenge(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const { type, challenge } = payload as Record<string, unknown>;
  if (type !== "url_verification" || typeof challenge !== "string" || challenge.length > 1024) return null;
  return challenge;
}
