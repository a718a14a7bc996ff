// Merkle–Damgård framing shared by the RIPEMD family: 64-byte blocks, little-endian words,
// 0x80 padding and a 64-bit little-endian bit length. Subclasses supply the compression.

export interface StreamingHash {
  update(data: Uint8Array): this;
  /** Finishes the hash; the instance must not be used afterwards. */
  digest(): Uint8Array;
}

export abstract class LittleEndianBlockHash implements StreamingHash {
  protected readonly words = new Int32Array(16);
  private readonly block = new Uint8Array(64);
  private blockLength = 0;
  // Byte count as a double: exact up to 2^53 bytes, far beyond any request body.
  private byteCount = 0;
  private finished = false;

  protected abstract compress(words: Int32Array): void;
  protected abstract state(): ArrayLike<number>;

  update(data: Uint8Array): this {
    if (this.finished) throw new Error("Hash already finalised");
    this.byteCount += data.length;
    let offset = 0;
    if (this.blockLength > 0) {
      const take = Math.min(64 - this.blockLength, data.length);
      this.block.set(data.subarray(0, take), this.blockLength);
      this.blockLength += take;
      offset = take;
      if (this.blockLength < 64) return this;
      this.compressBytes(this.block, 0);
      this.blockLength = 0;
    }
    // Whole blocks straight from the input, without copying.
    for (; offset + 64 <= data.length; offset += 64) this.compressBytes(data, offset);
    if (offset < data.length) {
      this.block.set(data.subarray(offset), 0);
      this.blockLength = data.length - offset;
    }
    return this;
  }

  digest(): Uint8Array {
    if (this.finished) throw new Error("Hash already finalised");
    const bitsLow = (this.byteCount * 8) >>> 0;
    const bitsHigh = Math.floor((this.byteCount * 8) / 0x1_0000_0000) >>> 0;
    const padLength = this.blockLength < 56 ? 56 - this.blockLength : 120 - this.blockLength;
    const tail = new Uint8Array(padLength + 8);
    tail[0] = 0x80;
    writeUint32LE(tail, padLength, bitsLow);
    writeUint32LE(tail, padLength + 4, bitsHigh);
    this.update(tail);
    this.finished = true;
    const state = this.state();
    const out = new Uint8Array(state.length * 4);
    for (let i = 0; i < state.length; i++) writeUint32LE(out, i * 4, state[i]!);
    return out;
  }

  private compressBytes(bytes: Uint8Array, offset: number): void {
    const w = this.words;
    for (let i = 0; i < 16; i++) {
      const o = offset + i * 4;
      w[i] = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24);
    }
    this.compress(w);
  }
}

function writeUint32LE(out: Uint8Array, offset: number, value: number): void {
  out[offset] = value & 0xff;
  out[offset + 1] = (value >>> 8) & 0xff;
  out[offset + 2] = (value >>> 16) & 0xff;
  out[offset + 3] = (value >>> 24) & 0xff;
}

// Message-word order and rotation amounts shared by RIPEMD-128 (first 64 steps) and
// RIPEMD-160 (all 80), from Dobbertin, Bosselaers and Preneel, "RIPEMD-160: A Strengthened
// Version of RIPEMD" (1996).
export const R_LEFT = Uint8Array.from([
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
  3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
  1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
  4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13,
]);
export const R_RIGHT = Uint8Array.from([
  5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
  6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
  15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
  8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
  12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11,
]);
export const S_LEFT = Uint8Array.from([
  11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
  7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
  11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
  11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
  9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6,
]);
export const S_RIGHT = Uint8Array.from([
  8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
  9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
  9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
  15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
  8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11,
]);

/** The five boolean functions; `round` 0..4. */
export function ripemdF(round: number, x: number, y: number, z: number): number {
  switch (round) {
    case 0:
      return x ^ y ^ z;
    case 1:
      return (x & y) | (~x & z);
    case 2:
      return (x | ~y) ^ z;
    case 3:
      return (x & z) | (y & ~z);
    default:
      return x ^ (y | ~z);
  }
}

export function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}
