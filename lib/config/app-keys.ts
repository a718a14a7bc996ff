// SIGNET_APP_KEY: the key(s) that encrypt webhook secrets at rest. Either one base64 key
// (id "default") or a comma list `id:base64,...` whose first entry is current and the rest
// are kept only to decrypt older ciphertexts, so the key can be rotated without downtime.

export interface AppKey {
  id: string;
  key: Buffer;
}

export const DEFAULT_APP_KEY_ID = "default";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Returns the keys, or a problem description that never echoes key material. */
export function parseAppKeys(raw: string): { keys: AppKey[] } | { problem: string } {
  const entries = raw.split(",").map((e) => e.trim()).filter((e) => e !== "");
  if (entries.length === 0) return { problem: "is empty" };
  const keys: AppKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(":");
    const id = colon === -1 ? DEFAULT_APP_KEY_ID : entry.slice(0, colon);
    const encoded = colon === -1 ? entry : entry.slice(colon + 1);
    if (colon === -1 && entries.length > 1) return { problem: `entry ${index + 1} has no id; in a list every key is written id:base64` };
    if (!KEY_ID.test(id)) return { problem: `key id "${id.slice(0, 40)}" must be 1-32 letters, digits, "_" or "-"` };
    if (keys.some((k) => k.id === id)) return { problem: `key id "${id}" appears twice` };
    const key = BASE64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
    if (key.length !== 32) return { problem: `key "${id}" must be the base64 of exactly 32 bytes` };
    keys.push({ id, key });
  }
  return { keys };
}
