// What a self-hoster and a partner do against a running app: an owner and a token from the
// admin CLI, a workflow secured with HMAC through /api/v1, and signed webhook requests.
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { signRequest } from "@/lib/hmac/sign";
import { ZHmacSettings } from "@/lib/hmac/schemas";
import { runCli, type AppStore } from "./app-process";

export const PASSWORD = "correct horse battery staple";
export const HMAC = ZHmacSettings.parse({ enabled: true, scheme: "prefixed-hex", algorithm: "sha256", header: "X-Signet-Signature" });

export interface Owner {
  email: string;
  token: string;
}

/** An owner and their API token, made with the CLI (before the app holds a PGlite directory). */
export function createOwnerWithCli(store: AppStore, label = "owner"): Owner {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.com`;
  runCli(store, ["user:create", "--email", email, "--password", PASSWORD]);
  const token = runCli(store, ["token:create", "--email", email, "--name", "reliability"]);
  if (!/^\S{20,}$/.test(token)) throw new Error(`token:create printed something else: ${token}`);
  return { email, token };
}

export async function api(baseUrl: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read what they assert
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { nonJson: text.slice(0, 200) };
  }
  return { status: response.status, headers: response.headers, json, text };
}

export interface SignedHook {
  workflowId: string;
  hookId: string;
  hookUrl: string;
  secret: string;
  secretId: string;
}

/** A published workflow whose webhook requires prefixed-hex HMAC, and its one secret. */
export async function createSignedHook(baseUrl: string, token: string, name = "Reliability"): Promise<SignedHook> {
  const created = await api(baseUrl, token, "POST", "/api/v1/workflows", {
    name,
    definition: {
      trigger: { type: "webhook", hmac: HMAC },
      steps: [{ type: "form", id: "details", title: "Your details", fields: [
        { key: "email", label: "Email", type: "email", required: true },
        { key: "n", label: "Number", type: "number" },
      ] }],
      mapping: [{ from: "customer.email", to: "email" }, { from: "n", to: "n" }],
    },
  });
  if (created.status !== 201) throw new Error(`create workflow: ${created.status} ${created.text}`);
  const secret = await api(baseUrl, token, "POST", `/api/v1/workflows/${created.json.id}/secrets`, {});
  if (secret.status !== 201) throw new Error(`create secret: ${secret.status} ${secret.text}`);
  const published = await api(baseUrl, token, "POST", `/api/v1/workflows/${created.json.id}/publish`, {});
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return { workflowId: created.json.id, hookId: created.json.hookId, hookUrl: `${baseUrl}/api/hooks/${created.json.hookId}`, secret: secret.json.secret, secretId: secret.json.id };
}

export function signedBody(hook: SignedHook, n: number): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ customer: { email: `p${n}@example.com` }, n });
  const headers = signRequest({ settings: HMAC, secret: hook.secret, body: new TextEncoder().encode(body) });
  return { body, headers: { ...headers, "content-type": "application/json" } };
}

export interface RawResult {
  /** HTTP status, or null when the connection ended without an answer. */
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  error?: string;
}

/**
 * One request over its own connection (no keep-alive pool), so overload tests really open
 * that many sockets and see resets as resets.
 */
export function rawRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number }): Promise<RawResult> {
  return new Promise((resolvePromise) => {
    const req = httpRequest(url, { method: init.method ?? "GET", headers: { connection: "close", ...init.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolvePromise({ status: res.statusCode ?? null, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (e) => resolvePromise({ status: res.statusCode ?? null, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), error: e.message }));
    });
    req.setTimeout(init.timeoutMs ?? 60_000, () => req.destroy(new Error("client timeout")));
    req.on("error", (e) => resolvePromise({ status: null, headers: {}, body: "", error: e.message }));
    req.end(init.body);
  });
}
