import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The published vectors of ../shared/vectors/hmac-vectors.json, copied here so the tests run in
// any checkout; vectors.test.ts fails if the copy drifts from the shared file.

export const FIXTURE_PATH = fileURLToPath(new URL("./hmac-vectors.json", import.meta.url));
export const SHARED_PATH = fileURLToPath(new URL("../../../../shared/vectors/hmac-vectors.json", import.meta.url));

interface KeyedVector {
  source: string;
  key?: string;
  key_hex?: string;
  data: string;
  mac_hex: string;
}

export interface HmacVectors {
  ripemd128: { source: string; data: string; digest_hex: string }[];
  hmac_ripemd128: KeyedVector[];
  hmac_ripemd160: KeyedVector[];
  github: { source: string; secret: string; body: string; header: string; value: string }[];
  standard_webhooks: { source: string; secret: string; id: string; timestamp: number; body: string; signature: string }[];
  slack: { source: string; secret: string; timestamp: number; body: string; signature: string }[];
}

export const vectors: HmacVectors = JSON.parse(readFileSync(FIXTURE_PATH, "utf8"));
export const sharedVectorsAvailable = existsSync(SHARED_PATH);

export function keyOf(v: KeyedVector): Buffer {
  return v.key_hex !== undefined ? Buffer.from(v.key_hex, "hex") : Buffer.from(v.key ?? "", "utf8");
}
