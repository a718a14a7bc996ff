import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AppKey } from "@/lib/config/env";
import type { createHookSession } from "./create-hook-session";
import type { MappingWarning } from "@/lib/workflows/mapping/apply-mapping";
import type { SharedRateLimiter } from "@/lib/rate-limits/shared-rate-limiter";

// The contract of the webhook pipeline: plain data in and out, no `next/*`, so the Next route
// and a lean node:http front can both serve it.

export interface HookRequest {
  hookId: string;
  /** `?test=true`: a test session, a stored sample and detected fields. */
  test: boolean;
  method: string;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
}

export interface HookResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialised as JSON by the caller. */
  body: unknown;
}

export interface HookDeps {
  db: PrismaClient;
  config: { publicUrl: string; appKeys: AppKey[]; hookBodyLimitBytes: number };
  /** Per-hook limit, keyed by workflow id, shared by every instance on the database. */
  rateLimiter: SharedRateLimiter;
  /** Writes the session and its delivery row; createHookSession when absent (group-commit.ts batches it). */
  createSession?: typeof createHookSession;
  /** The clock; tests move it. */
  now?: () => Date;
}

export interface HookSuccessBody {
  sessionId: string;
  sessionUrl: string;
  test: boolean;
  /** Mapped values left out of the prefill (lenient mapping); absent when there are none. */
  warnings?: HookWarning[];
}

/** A mapping warning, or (field null) a message id the body did not provide. */
export type HookWarning = Omit<MappingWarning, "field"> & { field: string | null };
