// Shared setup for the /api/v1 integration tests: a test database behind getDb(), users and
// tokens made through the app's own functions, and a caller that invokes route handlers
// directly with real Request objects (no server needed).
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { signUp } from "@/lib/auth/sign-up";
import { setDbForTests } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { useTestDatabase, type TestDb } from "@/tests/helpers/test-db";

// Configuration the routes read through getConfig(); set before its first (lazy) call, and
// pointing the generated-keys file at a temp dir so tests never write into ./data.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.SIGNET_APP_KEY ??= randomBytes(32).toString("base64");
process.env.SIGNET_PUBLIC_URL ??= "http://localhost:3000";
process.env.SIGNET_LOG_LEVEL ??= "warn";
process.env.SIGNET_DATA_DIR ??= mkdtempSync(join(tmpdir(), "signet-api-test-"));

export const BASE_URL = "http://localhost:3000";

/** Opens a fresh database for this test file and routes getDb() to it. */
export function setUpApiTestDb(): { readonly db: TestDb } {
  const db = useTestDatabase();
  beforeAll(() => setDbForTests(db));
  afterAll(() => setDbForTests(null));
  return { db };
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.com`;
}

export async function createUser(db: TestDb, label: string) {
  return signUp(db.prisma, { email: uniqueEmail(label), password: "correct horse battery" });
}

/** A user with `role` in `workspaceId`, and an API token of theirs for that workspace. */
export async function memberWithToken(db: TestDb, workspaceId: string, role: Role, label: string = role) {
  const user = await createUser(db, label);
  await upsertMembership(db.prisma, workspaceId, user.userId, role);
  // Tokens are created by editors and owners; a viewer's token is made while they can edit,
  // which is also how a real viewer ends up with one (demotion after creation).
  if (role === "viewer") await upsertMembership(db.prisma, workspaceId, user.userId, "editor");
  const token = await createApiToken(db.prisma, { userId: user.userId }, workspaceId, { name: `${label} token` });
  if (role === "viewer") await upsertMembership(db.prisma, workspaceId, user.userId, "viewer");
  return { ...user, token: token.token, tokenId: token.id };
}

/** The owner of a fresh personal workspace, with a token. */
export async function ownerWithToken(db: TestDb, label = "owner") {
  const user = await createUser(db, label);
  const token = await createApiToken(db.prisma, { userId: user.userId }, user.workspaceId, { name: `${label} token` });
  return { ...user, token: token.token, tokenId: token.id };
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Response | Promise<Response>;

export interface ApiCall {
  token?: string | null;
  body?: unknown;
  /** Raw body bytes/text, sent as is (for malformed-input tests). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface ApiResult {
  status: number;
  headers: Headers;
  // Tests read fields freely; the shape is what the test asserts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Calls a route handler the way Next does: a Request plus a params promise. */
export async function call<P extends object>(
  handler: Handler<P>,
  method: string,
  path: string,
  params: P,
  options: ApiCall = {},
): Promise<ApiResult> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = options.rawBody as BodyInit;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const response = await handler(new Request(`${BASE_URL}${path}`, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}
