// The one capped body reader (the webhook pipeline, the REST API's JSON bodies): reads a
// request body once, as bytes, and stops as soon as it passes the limit, so a client cannot
// make the server buffer more than `limit` bytes (plus one chunk) by lying about, or omitting,
// Content-Length.

export type ReadBodyResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: "too_large"; receivedBytes: number }
  | { ok: false; reason: "aborted"; receivedBytes: number };

/**
 * The declared Content-Length, or null when absent or not a plain number. Callers refuse a
 * declared length over their limit before reading; the reader's count is what really counts.
 */
export function declaredLength(headers: Headers): number | null {
  const raw = headers.get("content-length");
  if (raw === null || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, limit: number): Promise<ReadBodyResult> {
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // Tell the source to stop; whatever it still sends is discarded, not buffered.
        reader.cancel().catch(() => {});
        return { ok: false, reason: "too_large", receivedBytes: total };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "aborted", receivedBytes: total };
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0]! };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
