import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { embeddingOriginsOf, frameAncestorsFor } from "@/lib/sessions/embed-policy";
import { parseDefinition } from "@/lib/workflows/definition";
import { findLiveDefinitionBySessionToken } from "./embedding-repository";

// Which origins may embed a session: the allowed origins of the workflow's *live* version, so
// publishing a narrower list takes effect for running sessions too. They give the page's CSP
// frame-ancestors (proxy.ts builds the rest of the policy), the targets of the embedded page's
// portal events, and the session API's CORS origins. Unknown tokens and any failure allow no
// origin (fail closed).

/** frame-ancestors that refuse every framer. */
export const NO_FRAMING = "'none'";
/** Short enough that a publish shows within seconds, long enough to spare the database on reloads. */
export const POLICY_CACHE_MS = 5_000;
const MAX_CACHED = 1_000;

const cache = new Map<string, { origins: readonly string[]; until: number }>();

/** The origins allowed to embed this session (empty: none, or no such token). */
export async function sessionEmbeddingOrigins(db: PrismaClient, token: string, now = Date.now()): Promise<readonly string[]> {
  const hit = cache.get(token);
  if (hit && hit.until > now) return hit.origins;
  let origins: readonly string[] = [];
  try {
    const json = await findLiveDefinitionBySessionToken(db, token);
    const parsed = json === null ? null : parseDefinition(json);
    if (parsed?.ok) origins = embeddingOriginsOf(parsed.definition);
  } catch (error) {
    logger.error("frame_policy_failed", { error });
    return []; // Not cached: the next request tries again.
  }
  // Tokens are unguessable, so the map only grows with real sessions; the bound caps memory.
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(token, { origins, until: now + POLICY_CACHE_MS });
  return origins;
}

export async function sessionFrameAncestors(db: PrismaClient, token: string, now = Date.now()): Promise<string> {
  return frameAncestorsFor(await sessionEmbeddingOrigins(db, token, now));
}

/** The token of a session page path (`/s/{token}` or below), or undefined. */
export function sessionTokenOfPath(pathname: string): string | undefined {
  const match = /^\/s\/([^/]+)/.exec(pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined; // a malformed escape (/s/%E0%A4%A) is no token: deny-all framing, then 404
  }
}
