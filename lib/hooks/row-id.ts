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

export function newRowId(nowMs = Date.now()): string {
  counter = (counter + 1) % BASE ** 4;
  const random = randomBytes(6).readUIntBE(0, 6) % BASE ** 8;
  return `c${pad(nowMs, 8)}${pad(counter, 4)}${fingerprint}${pad(random, 8)}`;
}
