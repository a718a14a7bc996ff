import { ZHmacSettings } from "@/lib/hmac/schemas";
import { signRequestWithSecrets } from "@/lib/hmac/sign";

// Completion webhooks are signed with Standard Webhooks by the same scheme module that
// verifies incoming ones: webhook-id (the message id), webhook-timestamp (the attempt's time)
// and webhook-signature with one `v1,{base64}` per active secret, space separated, so during
// a rotation a receiver with either secret verifies.

const SETTINGS = ZHmacSettings.parse({ scheme: "standard-webhooks", enabled: true });

export function signMessage(messageId: string, body: string, secrets: string[], at: Date): Record<string, string> {
  return signRequestWithSecrets({ settings: SETTINGS, secrets, body: Buffer.from(body, "utf8"), id: messageId, timestamp: Math.floor(at.getTime() / 1000) });
}
