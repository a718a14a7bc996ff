import type { IncomingMessage } from "node:http";

// Reads an HTML form post (application/x-www-form-urlencoded, what a <form method="post">
// sends) from a Node request, stopping as soon as it passes the limit.

export type ReadFormResult =
  | { ok: true; form: URLSearchParams }
  | { ok: false; reason: "too_large" | "unsupported_media_type" | "aborted" };

/** Room for a long step: 100 fields, textareas of many thousand characters, percent-encoded. */
export const FORM_BODY_LIMIT = 2 * 1024 * 1024;

export async function readFormBody(request: IncomingMessage, limit = FORM_BODY_LIMIT): Promise<ReadFormResult> {
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return { ok: false, reason: "unsupported_media_type" };
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume(); // never read into memory
    return { ok: false, reason: "too_large" };
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total <= limit) return void chunks.push(chunk);
      // Answer now; the rest is read and dropped (not buffered) so the response can be sent.
      request.off("data", onData);
      request.resume();
      resolve({ ok: false, reason: "too_large" });
    };
    request.on("data", onData);
    request.once("end", () => resolve({ ok: true, form: new URLSearchParams(Buffer.concat(chunks, Math.min(total, limit)).toString("utf8")) }));
    request.once("error", () => resolve({ ok: false, reason: "aborted" }));
  });
}
