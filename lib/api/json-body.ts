import { AppError } from "@/lib/errors/app-error";
import { declaredLength, readBodyWithLimit } from "@/lib/http/read-body";

/** Workflow definitions are a few KiB; 1 MiB leaves room without inviting abuse. */
export const API_BODY_LIMIT_BYTES = 1024 * 1024;

function isJsonContentType(value: string): boolean {
  const mediaType = value.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/**
 * Reads a JSON request body with a size cap, counting bytes as they arrive (a missing or
 * lying Content-Length can't get more through). No body at all reads as `undefined`, so
 * endpoints whose input is optional (publish) accept a bare POST.
 */
export async function readJsonBody(request: Request, limitBytes = API_BODY_LIMIT_BYTES): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  if ((declaredLength(request.headers) ?? 0) > limitBytes) throw tooLarge(limitBytes);
  const read = await readBodyWithLimit(request.body, limitBytes);
  if (!read.ok) {
    if (read.reason === "too_large") throw tooLarge(limitBytes);
    throw new AppError("BAD_REQUEST", "The request body ended early.", { reason: "body_incomplete" });
  }
  const { bytes } = read;
  if (bytes.length === 0) return undefined;
  if (contentType && !isJsonContentType(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.", {
      reason: "unsupported_media_type",
    });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8.", { reason: "invalid_json" });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.", { reason: "invalid_json" });
  }
}

function tooLarge(limitBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${limitBytes} bytes.`, { reason: "payload_too_large" });
}
