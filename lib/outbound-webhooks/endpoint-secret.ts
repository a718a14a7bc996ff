import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppKey } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { encryptSecret } from "@/lib/encryption/at-rest";
import { generateSecret, secretLast4 } from "@/lib/hmac/signing-secrets";
import { insertEndpointSecret } from "./endpoint-repository";

/** Generates a whsec_ secret for an endpoint and stores it encrypted; returns it in full (shown once). */
export async function addEndpointSecret(tx: Prisma.TransactionClient, endpointId: string, keys: AppKey[]) {
  const key = keys[0];
  if (!key) throw new AppError("INTERNAL_ERROR", "No app key is configured to encrypt secrets.", { reason: "no_app_key" });
  const secret = generateSecret("whsec");
  const row = await insertEndpointSecret(tx, { endpointId, ciphertext: encryptSecret(secret, key), keyId: key.id, last4: secretLast4(secret) });
  return { ...row, secret };
}
