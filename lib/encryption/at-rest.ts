import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Signing secrets at rest: AES-256-GCM under the app key. The ciphertext names the key id, so
// the app key can be rotated later (decrypt with any known key, re-encrypt under the new one).
// Format: `v1.{keyId}.{iv}.{tag}.{ciphertext}`, base64url parts, 96-bit random IV. The version
// and key id are authenticated as additional data, so neither can be swapped.

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

const VERSION = "v1";
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

function checkKey(key: EncryptionKey): void {
  if (!KEY_ID.test(key.id)) throw new Error("Encryption key id must be 1–64 characters of A–Z, a–z, 0–9, _ or -.");
  if (key.key.length !== 32) throw new Error("Encryption key must be 32 bytes for AES-256-GCM.");
}

function aad(keyId: string): Buffer {
  return Buffer.from(`signet-secret:${VERSION}:${keyId}`, "utf8");
}

export function encryptSecret(plaintext: string, key: EncryptionKey): string {
  checkKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(aad(key.id));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, key.id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The key id a ciphertext was made with (to find secrets to re-encrypt after a key rotation). */
export function encryptionKeyIdOf(ciphertext: string): string {
  const parts = ciphertext.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretDecryptionError("Not an encrypted Signet secret.");
  return parts[1]!;
}

export function decryptSecret(ciphertext: string, keys: EncryptionKey[]): string {
  const parts = ciphertext.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretDecryptionError("Not an encrypted Signet secret (unknown format or version).");
  const [, keyId, ivPart, tagPart, dataPart] = parts as [string, string, string, string, string];
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new SecretDecryptionError(`Secret was encrypted with key "${keyId}", which is not configured.`);
  checkKey(key);
  const iv = Buffer.from(ivPart, "base64url");
  const tag = Buffer.from(tagPart, "base64url");
  if (iv.length !== 12 || tag.length !== 16) throw new SecretDecryptionError("Encrypted secret is corrupted (bad IV or tag length).");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: 16 });
    decipher.setAAD(aad(keyId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataPart, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError("Encrypted secret failed authentication: it was altered or the key is wrong.");
  }
}
