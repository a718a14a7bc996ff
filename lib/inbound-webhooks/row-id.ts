import { randomBytes } from "node:crypto";

// Ids for rows written with raw SQL (the batched webhook insert), in the shape Prisma's
// cuid() gives (25 characters: "c", time, counter, fingerprint, random; base36). Time comes
// first, so id order follows insertion time as with the rows Prisma creates; listings break
// ties on id.

const BASE = 36;
let counter = Math.floor(Math.random() * BASE ** 4);
const fingerprint = (process.pid % BASE ** 2).toString(BASE).padStart(2, "0") + randomBytes(2).readUInt16BE(0).toString(BASE).slice(-2).padStart(2, "0");

function pad(value: number, length: number): string {
  return value.toString(BASE).padStart(length, "0").slice(-length);
}

// Random bytes come from a refilled pool (fewer calls into the CSPRNG); a byte is never used twice.
const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let offset = 0;

function take(bytes: number): number {
  if (offset + bytes > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const at = offset;
  offset += bytes;
  return at;
}

function random48(): number {
  const at = take(6); // before reading `pool`: take() may replace it
  return pool.readUIntBE(at, 6);
}

/**
 * A session token exactly as generateSessionToken makes one (256 bits from the CSPRNG,
 * base64url), drawn from the same pool: one randomBytes call per 128 tokens on the hot path.
 */
export function newSessionToken(): string {
  const at = take(32);
  return pool.toString("base64url", at, at + 32);
}

export function newRowId(nowMs = Date.now()): string {
  counter = (counter + 1) % BASE ** 4;
  const random = random48() % BASE ** 8;
  return `c${pad(nowMs, 8)}${pad(counter, 4)}${fingerprint}${pad(random, 8)}`;
}
