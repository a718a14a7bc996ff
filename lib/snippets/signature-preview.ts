import { ZHmacSettings } from "@/lib/hmac/schemas";
import { signRequest } from "@/lib/hmac/sign";
import { compactParts, signingRecipe } from "./recipe";

// The live preview of the HMAC panel: for a sample body and an example secret, the exact text
// that is signed and the headers a sender adds. Signs with lib/hmac itself, so the preview
// can't disagree with verification.

/** Standard Webhooks' published example secret: obviously not anyone's real one. */
export const EXAMPLE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const EXAMPLE_TIMESTAMP = 1_700_000_000;
export const EXAMPLE_ID = "msg_2b9SPtVqhNqXk1rZ";

export type SignaturePreview =
  | { ok: true; signedContent: string; headers: Record<string, string> }
  | { ok: false; message: string };

export function signaturePreview(input: { settings: unknown; sampleBody: string }): SignaturePreview {
  const parsed = ZHmacSettings.safeParse(input.settings);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "These settings are not complete yet." };
  const settings = parsed.data;
  const recipe = signingRecipe(settings);
  const context = { body: input.sampleBody, timestamp: String(EXAMPLE_TIMESTAMP), id: EXAMPLE_ID };
  const signedContent = compactParts(recipe.signed)
    .map((p) => ("literal" in p ? p.literal : p.field === "signature" ? "" : context[p.field]))
    .join("");
  const headers = signRequest({ settings, secret: EXAMPLE_SECRET, body: Buffer.from(input.sampleBody, "utf8"), timestamp: EXAMPLE_TIMESTAMP, id: EXAMPLE_ID });
  return { ok: true, signedContent, headers };
}
