import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clientLimitKey } from "@/lib/http/client-ip";
import { createDatabaseRateLimiter } from "./database-rate-limiter";
import type { RateLimitDecision, SharedRateLimiter } from "./shared-rate-limiter";

// Per-client limits for the public, unauthenticated entry points that do work for anyone who
// asks: the direct link /w/{slug} (each visit starts a session) and the session API
// /api/sessions/{token}/…. Counted per client address (IPv6 per /64) in the shared buckets.
//
// Next's route handlers never see the socket, so the lean front (server/front.ts) works out
// the client's address (lib/http/client-ip.ts, trusting forwarded headers only from
// SIGNET_TRUSTED_PROXIES) and hands it on in CLIENT_IP_HEADER, overwriting whatever a client
// sent under that name. Without the front (`next dev`) the header is not believed and every
// client counts as "unknown".

export type ClientLimitScope = "direct-link" | "session-api";

export const CLIENT_IP_HEADER = "x-signet-client-ip";

const holder = globalThis as { __signetFrontSetsClientIp?: boolean; __signetClientLimiters?: WeakMap<PrismaClient, Map<ClientLimitScope, SharedRateLimiter>> };

/** Called by the lean front: from now on CLIENT_IP_HEADER on a request is the front's own. */
export function trustClientIpHeader(): void {
  holder.__signetFrontSetsClientIp = true;
}

/** The client's limit key as the front established it ("unknown" without the front). */
export function clientKeyOf(headers: Headers): string {
  return holder.__signetFrontSetsClientIp ? clientLimitKey(headers.get(CLIENT_IP_HEADER)) : "unknown";
}

function perMinute(scope: ClientLimitScope): number {
  const config = getConfig();
  return scope === "direct-link" ? config.directLinkRateLimitPerMinute : config.sessionApiRateLimitPerMinute;
}

function limiterFor(db: PrismaClient, scope: ClientLimitScope): SharedRateLimiter {
  const byDb = (holder.__signetClientLimiters ??= new WeakMap());
  let byScope = byDb.get(db);
  if (!byScope) byDb.set(db, (byScope = new Map()));
  let limiter = byScope.get(scope);
  if (!limiter) byScope.set(scope, (limiter = createDatabaseRateLimiter(db, scope, perMinute(scope))));
  return limiter;
}

/** Spends one request of this client's per-minute budget for `scope`. */
export async function limitClient(scope: ClientLimitScope, headers: Headers, db?: PrismaClient): Promise<RateLimitDecision> {
  return limiterFor(db ?? (await getDb()), scope).take(clientKeyOf(headers));
}

/**
 * For JSON routes (the session API): null when the request may go on, else the 429 to answer
 * with (lib/api/with-session-api.ts).
 */
export async function clientRateLimitResponse(scope: ClientLimitScope, headers: Headers): Promise<Response | null> {
  const decision = await limitClient(scope, headers);
  if (decision.allowed) return null;
  return Response.json(
    { error: "Too many requests from this address; retry later.", code: "rate_limited" },
    { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
