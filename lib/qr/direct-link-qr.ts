import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { directLinkState } from "@/lib/sessions/start-direct-session";
import { workflowUrls } from "@/lib/workflows/workflow-urls";
import { qrPng, qrSvg } from "./render-qr";

/**
 * The QR code of a workflow's direct link, only while the published version lets the link
 * start sessions. With HMAC on the code would lead to a refusal, so it is Gone (410).
 */
export async function directLinkQr(db: PrismaClient, slug: string, format: "svg" | "png", publicUrl: string) {
  const state = await directLinkState(db, slug);
  if (state === "not_found") throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  if (state === "hmac_required") {
    throw new AppError("GONE", "This workflow can only be started by an authorised system, so it has no QR code.", {
      reason: "hmac_required",
    });
  }
  const { directLinkUrl } = workflowUrls(publicUrl, { slug, hookId: "" });
  return format === "svg" ? qrSvg(directLinkUrl) : qrPng(directLinkUrl);
}
