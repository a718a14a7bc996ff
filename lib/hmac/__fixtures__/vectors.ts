import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Published test vectors for the algorithms and schemes (RFC 2286, the RIPEMD-128 reference,
// GitHub's and Slack's documentation, the Standard Webhooks test suite); each entry names its
// source, so a value can be checked against where it was published.

const FIXTURE_PATH = fileURLToPath(new URL("./hmac-vectors.json", import.meta.url));

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

export function keyOf(v: KeyedVector): Buffer {
  return v.key_hex !== undefined ? Buffer.from(v.key_hex, "hex") : Buffer.from(v.key ?? "", "utf8");
}
