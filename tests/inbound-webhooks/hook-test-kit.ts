// Shared setup for the webhook integration tests: a workflow published through the app's own
// functions, secrets created through lib/webhook-secrets, and requests given to handleHookRequest as a
// route would (real Headers, a real ReadableStream body), written through the group commit as
// in the app.
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/auth/sign-up";
import type { AppKey } from "@/lib/config/env";
import type { GroupCommitter } from "@/lib/inbound-webhooks/group-commit";
import { startGroupCommit } from "@/lib/inbound-webhooks/default-hook-deps";
import { handleHookRequest } from "@/lib/inbound-webhooks/handle-hook-request";
import type { HookDeps, HookResponse } from "@/lib/inbound-webhooks/hook-types";
import { createDatabaseRateLimiter } from "@/lib/rate-limits/database-rate-limiter";
import { ZHmacSettings, type THmacSettings } from "@/lib/hmac/schemas";
import { signRequest } from "@/lib/hmac/sign";
import { createSecret } from "@/lib/webhook-secrets/create-secret";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { TEST_DB_POOL_SIZE, type TestDb } from "@/tests/helpers/test-db";

export const TEST_KEYS: AppKey[] = [{ id: "test", key: randomBytes(32) }];
export const PUBLIC_URL = "http://localhost:3000";

// One group committer per database and app instance, as the app has one per process.
const committers = new WeakMap<TestDb, Map<string, GroupCommitter>>();

/** `instance`: deps of another app process (its own group commit and rate limiter). */
export function makeDeps(db: TestDb, opts: { limitBytes?: number; perMinute?: number; now?: () => Date; instance?: string } = {}): HookDeps {
  const ofDb = committers.get(db) ?? new Map<string, GroupCommitter>();
  committers.set(db, ofDb);
  const instance = opts.instance ?? "app";
  let committer = ofDb.get(instance);
  if (!committer) {
    committer = startGroupCommit(db, db.databaseUrl, TEST_DB_POOL_SIZE);
    ofDb.set(instance, committer);
  }
  return {
    db: db.prisma,
    config: { publicUrl: PUBLIC_URL, appKeys: TEST_KEYS, hookBodyLimitBytes: opts.limitBytes ?? 1024 * 1024 },
    rateLimiter: createDatabaseRateLimiter(db.prisma, "hook", opts.perMinute ?? 100_000),
    createSession: committer.createSession,
    now: opts.now,
  };
}

export async function makeOwner(db: TestDb, label = "owner") {
  const user = await signUp(db.prisma, { email: `${label}-${randomBytes(4).toString("hex")}@example.com`, password: "correct horse battery" });
  return { actor: { userId: user.userId }, workspaceId: user.workspaceId };
}

export const STEPS = [
  {
    type: "form",
    id: "details",
    title: "Your details",
    fields: [
      { type: "email", key: "email", label: "Email", required: true },
      { type: "text", key: "name", label: "Name" },
      { type: "number", key: "amount", label: "Amount" },
    ],
  },
];
export const MAPPING = [
  { from: "customer.email", to: "email" },
  { from: "customer.name", to: "name" },
  { from: "amount", to: "amount" },
];

export function hmacSettings(input: Partial<THmacSettings> & { scheme: THmacSettings["scheme"] }): THmacSettings {
  return ZHmacSettings.parse({ enabled: true, ...input });
}

/** A published workflow whose trigger uses `hmac`; returns its ids and an owner actor. */
export async function publishedHook(
  db: TestDb,
  owner: Awaited<ReturnType<typeof makeOwner>>,
  hmac: THmacSettings | { enabled: false },
  definition: { steps?: unknown; mapping?: unknown } = {},
) {
  const created = await createWorkflow(db.prisma, owner.actor, owner.workspaceId, {
    name: "Hook test",
    definition: {
      trigger: { type: "webhook", hmac: "scheme" in hmac ? hmac : { scheme: "prefixed-hex", enabled: false } },
      steps: definition.steps ?? STEPS,
      mapping: definition.mapping ?? MAPPING,
    },
  });
  // Publishing with HMAC on needs an active secret that fits; the test's own addSecret then
  // replaces this one (a new secret replaces the others until a live request has verified).
  if ("scheme" in hmac && hmac.enabled) await addSecret(db, owner, created.id);
  await publishWorkflow(db.prisma, owner.actor, created.id);
  return { workflowId: created.id, hookId: created.hookId };
}

export async function addSecret(db: TestDb, owner: { actor: { userId: string } }, workflowId: string, input: Record<string, unknown> = {}, now?: Date) {
  return createSecret(db.prisma, owner.actor, workflowId, input, { keys: TEST_KEYS, now });
}

export interface SendInput {
  hookId: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  test?: boolean;
  method?: string;
  contentType?: string | null;
  /** Split the body into chunks of this size (a streamed upload). */
  chunkSize?: number;
}

export function bytesOf(body: string | Uint8Array | undefined): Uint8Array {
  if (body === undefined) return new Uint8Array(0);
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}

function streamOf(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

export function send(deps: HookDeps, input: SendInput): Promise<HookResponse> {
  const bytes = bytesOf(input.body);
  const headers = new Headers(input.headers ?? {});
  const contentType = input.contentType === undefined ? "application/json" : input.contentType;
  if (contentType !== null && !headers.has("content-type")) headers.set("content-type", contentType);
  const method = input.method ?? "POST";
  return handleHookRequest(deps, {
    hookId: input.hookId,
    test: input.test ?? false,
    method,
    headers,
    body: method === "GET" ? null : streamOf(bytes, input.chunkSize ?? 64 * 1024),
  });
}

/** Signs `body` for these settings and sends it. */
export function sendSigned(
  deps: HookDeps,
  input: SendInput & { settings: THmacSettings; secret: string; timestamp?: number; id?: string },
): Promise<HookResponse> {
  const signed = signRequest({ settings: input.settings, secret: input.secret, body: bytesOf(input.body), timestamp: input.timestamp, id: input.id });
  return send(deps, { ...input, headers: { ...signed, ...(input.headers ?? {}) } });
}

export type Body = { error?: string; code?: string; sessionId?: string; sessionUrl?: string; test?: boolean; challenge?: string; issues?: unknown[] };
export const bodyOf = (response: HookResponse) => response.body as Body;

export const CUSTOMER = { customer: { email: "ada@example.com", name: "Ada" }, amount: 42 };
export const CUSTOMER_JSON = JSON.stringify(CUSTOMER);
