import type { IncomingMessage, ServerResponse } from "node:http";
import { denyFramingHeaders, securityHeaders } from "@/lib/http/security-headers";
import { handleHookRequest } from "./handle-hook-request";
import type { HookDeps } from "./hook-types";

// Serves POST /api/hooks/{hookId} straight from node:http, without Next's router: the same
// handleHookRequest, adapted. This is the production front (server/front.ts, under npm start);
// the Next route serves next dev. Next's router costs ~0.8 ms of CPU per request before our
// code runs (docs/design-decisions.md, "One process, two fronts").

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
    body: hasBody ? requestBody(req) : null,
  });
  const payload = JSON.stringify(result.body);
  res.writeHead(result.status, {
    ...SECURITY_HEADERS,
    ...result.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(payload),
    // The body may not have been read to the end (413): the connection ends after the linger.
    ...(req.complete ? {} : { Connection: "close" }),
  });
  if (!req.complete) lingerThenClose(req);
  res.end(payload);
  return true;
}

/**
 * The request body as a web stream, one chunk buffered at a time (backpressure pauses the
 * socket). Unlike Readable.toWeb, cancelling it (the pipeline stops reading at the size
 * limit) does not destroy the request, which would reset the connection before the 413 is
 * written; it only stops feeding, and lingerThenClose deals with the rest.
 */
function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let settled = false;
  const detach = () => {
    settled = true;
    req.removeListener("data", onData);
    req.pause();
  };
  let onData: (chunk: Buffer) => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onData = (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      };
      req.on("data", onData);
      req.once("end", () => {
        if (!settled) controller.close();
        settled = true;
      });
      // A client that disconnects mid-body: 'close' without a complete message.
      req.once("close", () => {
        if (!settled && !req.complete) controller.error(new Error("request aborted"));
        settled = true;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      detach();
    },
  });
}

/** How long, and how much, we keep reading a body we already answered (RFC 9112 §9.6). */
const LINGER_MS = 2_000;
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * Answering before the body has arrived (413, or a sender that aborted) and closing at once
 * makes the kernel reset the connection while the client is still sending, and a reset can
 * destroy our answer before the client reads it. So keep reading and discarding the rest for
 * a short, bounded while before closing: the client gets its 413 instead of a reset, and a
 * client that never stops still costs at most LINGER_BYTES and LINGER_MS.
 */
function lingerThenClose(req: IncomingMessage): void {
  const socket = req.socket;
  // Node would close the connection as soon as the answer is written; keep it open for the linger.
  socket.destroySoon = () => {};
  let drained = 0;
  const close = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > LINGER_BYTES) close();
  });
  req.once("end", () => {
    clearTimeout(timer);
    socket.end();
  });
  req.once("error", close);
  req.resume();
}
