import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAppError } from "@/lib/errors/app-error";
import { limitClient } from "@/lib/rate-limits/client-limits";
import type { DirectLinkRefusal } from "./direct-link-page";
import { startDirectSession } from "./start-direct-session";

export type DirectLinkVisit =
  | { kind: "started"; token: string }
  | { kind: "refused"; refusal: DirectLinkRefusal; retryAfterSeconds?: number };

/**
 * A visit to /w/{slug}: counted against the visitor's per-minute budget first (every visit,
 * found or not, so nobody can start sessions or probe slugs in bulk), then a new session of
 * the published version.
 */
export async function visitDirectLink(db: PrismaClient, slug: string, headers: Headers): Promise<DirectLinkVisit> {
  const limit = await limitClient("direct-link", headers, db);
  if (!limit.allowed) return { kind: "refused", refusal: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  try {
    const session = await startDirectSession(db, slug);
    return { kind: "started", token: session.token };
  } catch (error) {
    if (isAppError(error) && error.code === "HMAC_REQUIRED") return { kind: "refused", refusal: "hmac_required" };
    if (isAppError(error) && error.code === "NOT_FOUND") return { kind: "refused", refusal: "not_found" };
    throw error;
  }
}
