import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AppKey } from "@/lib/config/env";
import { decryptSecret } from "@/lib/encryption/at-rest";
import { logger } from "@/lib/log/logger";
import type { ActiveSecret } from "@/lib/webhook-secrets/active-secrets";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import type { TWorkflowDefinition } from "@/lib/workflows/definition";
import { findHookTargetRows, findVersionDefinition, type HookTargetRow } from "./hook-target-repository";

// What the webhook pipeline needs to know about a hook: one query, read after the request
// arrived, so revocation, expiry, rotation and (re)publishing committed before a request
// arrives always count for it. Concurrent requests to one hook share a query, but only one
// issued after each of them arrived (requests arriving while a query runs wait for the next
// one): as fresh as a query per request, at one query per database round trip per hook.
// Expiry is applied with each request's own clock. Two things are remembered, because they
// cannot change under the same key:
// - a published version's parsed definition, by version id (versions are immutable);
// - a secret's plaintext, by secret id + exact ciphertext + the app keys in use (decrypting
//   AES-GCM per request is pure waste; a re-encrypted secret is a new entry).

export interface HookTarget {
  id: string;
  liveVersion: { id: string; definition: TWorkflowDefinition } | null;
  /** Decrypted secrets that may verify a request received at `now`, newest first. */
  secrets: ActiveSecret[];
  /** A completion-webhook endpoint subscribes to session.started (read fresh, like the secrets). */
  startedSubscribers: boolean;
}

const MAX_DEFINITIONS = 1_000;
const MAX_SECRETS = 10_000;
const definitions = new Map<string, TWorkflowDefinition>();
const plaintexts = new WeakMap<AppKey[], Map<string, string>>();

function remember<V>(map: Map<string, V>, max: number, key: string, value: V): V {
  if (map.size >= max) map.delete(map.keys().next().value!); // oldest first
  map.set(key, value);
  return value;
}

async function definitionOf(db: PrismaClient, versionId: string): Promise<TWorkflowDefinition | null> {
  const hit = definitions.get(versionId);
  if (hit) return hit;
  const version = await findVersionDefinition(db, versionId);
  if (!version) return null; // deleted between the two reads: treated as unpublished
  return remember(definitions, MAX_DEFINITIONS, versionId, storedDefinition(version.definition));
}

function plaintextOf(keys: AppKey[], id: string, ciphertext: string): string {
  let cache = plaintexts.get(keys);
  if (!cache) plaintexts.set(keys, (cache = new Map()));
  const key = `${id}\u0000${ciphertext}`;
  return cache.get(key) ?? remember(cache, MAX_SECRETS, key, decryptSecret(ciphertext, keys));
}

interface Waiter {
  receivedAt: Date;
  resolve(rows: HookTargetRow[]): void;
  reject(error: unknown): void;
}

const queues = new WeakMap<PrismaClient, Map<string, Waiter[]>>();

/** The hook's rows from a query issued after this call (shared with concurrent callers). */
function freshRows(db: PrismaClient, hookId: string, receivedAt: Date): Promise<HookTargetRow[]> {
  let byHook = queues.get(db);
  if (!byHook) queues.set(db, (byHook = new Map()));
  const running = byHook.get(hookId);
  return new Promise((resolve, reject) => {
    const waiter = { receivedAt, resolve, reject };
    if (running) running.push(waiter);
    else {
      byHook.set(hookId, [waiter]);
      // Not at once: requests read off the sockets in this same turn of the event loop join
      // this query. (PGlite runs queries on this thread, so without the wait no request could
      // ever arrive while a query is running, and none would share.)
      setImmediate(() => void drain(db, hookId, byHook));
    }
  });
}

async function drain(db: PrismaClient, hookId: string, byHook: Map<string, Waiter[]>): Promise<void> {
  const queue = byHook.get(hookId)!;
  while (queue.length > 0) {
    const waiters = queue.splice(0); // everyone here arrived before this query is sent
    const earliest = new Date(Math.min(...waiters.map((w) => w.receivedAt.getTime())));
    try {
      const rows = await findHookTargetRows(db, hookId, earliest);
      for (const w of waiters) w.resolve(rows);
    } catch (error) {
      for (const w of waiters) w.reject(error);
    }
  }
  byHook.delete(hookId);
}

/** null for an unknown hook. `now` is the request's arrival: secrets expired by then are left out. */
export async function findHookTarget(db: PrismaClient, hookId: string, now: Date, keys: AppKey[]): Promise<HookTarget | null> {
  const rows = await freshRows(db, hookId, now);
  const first = rows[0];
  if (!first) return null;
  const definition = first.liveVersionId ? await definitionOf(db, first.liveVersionId) : null;
  const secrets: ActiveSecret[] = [];
  for (const row of rows) {
    if (row.secretId === null || row.ciphertext === null) continue;
    const expiresAt = row.expiresAt === null ? null : new Date(row.expiresAt);
    if (expiresAt !== null && expiresAt.getTime() <= now.getTime()) continue;
    try {
      secrets.push({
        id: row.secretId,
        value: plaintextOf(keys, row.secretId, row.ciphertext),
        expiresAt,
        revokedAt: null,
        last4: row.last4 ?? "",
        lastVerifiedAt: row.lastVerifiedAt === null ? null : new Date(row.lastVerifiedAt),
      });
    } catch (error) {
      // Left out rather than failing every request (as loadActiveSecrets does).
      logger.error("secret_undecryptable", { workflowId: first.workflowId, secretId: row.secretId, error });
    }
  }
  return {
    id: first.workflowId,
    liveVersion: first.liveVersionId && definition ? { id: first.liveVersionId, definition } : null,
    secrets,
    startedSubscribers: first.startedSubscribers,
  };
}
