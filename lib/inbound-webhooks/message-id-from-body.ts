import { MAX_MESSAGE_ID_LENGTH } from "@/lib/hmac/headers";
import { parsePayloadPath, readPayloadPath } from "@/lib/workflows/mapping/payload-path";

/**
 * The sender's message id at `path` of a verified body (`id` of a Stripe event, `event.id`),
 * for schemes whose headers carry none. A string, or an integer written as digits; anything
 * else is no id, with the reason for the builder.
 */
export function messageIdFromBody(payload: unknown, path: string): { ok: true; id: string } | { ok: false; message: string } {
  const parsed = parsePayloadPath(path);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const read = readPayloadPath(payload, parsed.segments);
  const none = (why: string) => ({ ok: false as const, message: `${why}, so repeats of this message are not recognised.` });
  if (!read.found || read.value === null) return none("No message id at this path");
  if (typeof read.value === "string") {
    if (read.value.trim() === "") return none("The message id at this path is empty");
    if (read.value.length > MAX_MESSAGE_ID_LENGTH) return none(`The message id at this path is longer than ${MAX_MESSAGE_ID_LENGTH} characters`);
    return { ok: true, id: read.value };
  }
  if (typeof read.value === "number" && Number.isSafeInteger(read.value)) return { ok: true, id: String(read.value) };
  return none("The value at this path is not a text or whole-number id");
}
