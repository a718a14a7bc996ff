import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import type { THmacSettings } from "@/lib/hmac/schemas";
import { secretRule, storedSecretFits } from "@/lib/hmac/secret-rules";
import { findActiveSecretShapes } from "./secret-repository";

const SCHEME_NAMES: Record<THmacSettings["scheme"], string> = {
  "prefixed-hex": "prefixed hex",
  "plain-hex": "plain hex",
  "standard-webhooks": "Standard Webhooks",
  stripe: "the Stripe-style scheme",
  slack: "the Slack-style scheme",
  github: "the GitHub-style scheme",
  shopify: "the Shopify-style scheme",
  custom: "the custom scheme",
};

/**
 * Refuses (422 on `definition.trigger.hmac.scheme`) HMAC settings that no active secret of the
 * workflow can serve, so a scheme change or a publish never leaves a hook that refuses every
 * request with `no_active_secret`. `requireSecret` (publishing with HMAC on) also refuses when
 * there is no active secret at all; a draft may change scheme before its first secret exists.
 */
export async function checkSecretsFit(
  db: PrismaClient | Prisma.TransactionClient,
  workflowId: string,
  hmac: THmacSettings,
  opts: { requireSecret: boolean; now?: Date },
): Promise<void> {
  const secrets = await findActiveSecretShapes(db, workflowId, opts.now ?? new Date());
  const refuse = (message: string) => {
    throw new AppError("VALIDATION_FAILED", message, {
      reason: "no_fitting_secret",
      issues: [{ path: ["definition", "trigger", "hmac", "scheme"], message }],
    });
  };
  if (secrets.length === 0) {
    if (opts.requireSecret) {
      refuse("HMAC is on, but this workflow has no active secret, so every request would be refused. Add a secret on the Webhook tab, then publish.");
    }
    return;
  }
  if (secrets.some((secret) => storedSecretFits(hmac.scheme, secret))) return;
  const names = secrets.slice(0, 5).map((s) => `…${s.last4}`).join(", ") + (secrets.length > 5 ? ", …" : "");
  refuse(
    `No active secret fits ${SCHEME_NAMES[hmac.scheme]}: ${secrets.length === 1 ? "the secret" : "the secrets"} ${names} ${secrets.length === 1 ? "does" : "do"} not follow its rule. ${secretRule(hmac.scheme)} Add a fitting secret first (rotate, so senders keep working), then change the scheme.`,
  );
}
