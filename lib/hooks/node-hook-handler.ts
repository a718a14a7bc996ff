import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { denyFramingHeaders, securityHeaders } from "@/lib/http/security-headers";
import { handleHookRequest } from "./handle-hook-request";
import type { HookDeps } from "./hook-types";

// Serves POST /api/hooks/{hookId} straight from node:http, without Next's router: the same
// handleHookRequest, adapted. Used by the HTTP integration tests and available to a faster
// front (STACK.md measures Next's router at ~0.8 ms of CPU per request before our code runs).

const HOOK_PATH = /^\/api\/hooks\/([^/?#]+)\/?$/;

// What next.config.ts adds to every Next response; answers that bypass Next need it too.
const SECURITY_HEADERS = Object.fromEntries([...securityHeaders(), ...denyFramingHeaders()].map((h) => [h.key, h.value]));

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header Headers refuses (invalid characters) is treated as absent, never as a 500.
    }
  }
  return headers;
}

/** Returns false when the URL is not a hook URL, so the caller can route it elsewhere. */
export async function serveNodeHookRequest(deps: HookDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = HOOK_PATH.exec(url.pathname);
  if (!match) return false;
  let hookId: string;
  try {
    hookId = decodeURIComponent(match[1]!);
  } catch {
    hookId = "";
  }
  const test = url.searchParams.get("test");
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const result = await handleHookRequest(deps, {
    hookId,
    test: test === "true" || test === "1",
    method,
    headers: toHeaders(req.rawHeaders),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
  });
  const payload = JSON.stringify(result.body);
  res.writeHead(result.status, {
    ...SECURITY_HEADERS,
    ...result.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(payload),
    // The body may not have been read to the end (413): don't keep a half-read connection.
    ...(req.complete ? {} : { Connection: "close" }),
  });
  res.end(payload);
  return true;
}
