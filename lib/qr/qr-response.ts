import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/http";
import { directLinkQr } from "./direct-link-qr";

const CONTENT_TYPES = { svg: "image/svg+xml", png: "image/png" } as const;

/**
 * The HTTP answer of /w/{slug}/qr.{svg,png}, shared by both route files. Never cached: the
 * code must disappear as soon as a version with HMAC on is published.
 */
export async function qrResponse(slug: string, format: "svg" | "png"): Promise<Response> {
  try {
    const body = await directLinkQr(await getDb(), slug, format, getConfig().publicUrl);
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: { "Content-Type": CONTENT_TYPES[format], "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "GONE" || error.code === "NOT_FOUND")) {
      return new Response(`${error.message}\n`, {
        status: error.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    return errorResponse(error);
  }
}
