import { LittleEndianBlockHash, R_LEFT, R_RIGHT, S_LEFT, S_RIGHT, ripemdF, rotl } from "./block-hash";

// RIPEMD-128 (Dobbertin, Bosselaers, Preneel). Node's crypto has no RIPEMD-128, so Signet
// carries its own: four rounds on two parallel lines over the RIPEMD-160 word order.

const K_LEFT = [0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc];
const K_RIGHT = [0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x00000000];

export class Ripemd128 extends LittleEndianBlockHash {
  private readonly h = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);

  protected state(): ArrayLike<number> {
    return this.h;
  }

  protected compress(x: Int32Array): void {
    const h = this.h;
    let al = h[0]!, bl = h[1]!, cl = h[2]!, dl = h[3]!;
    let ar = al, br = bl, cr = cl, dr = dl;
    for (let j = 0; j < 64; j++) {
      const round = j >>> 4;
      let t = rotl((al + ripemdF(round, bl, cl, dl) + x[R_LEFT[j]!]! + K_LEFT[round]!) | 0, S_LEFT[j]!);
      al = dl; dl = cl; cl = bl; bl = t;
      // The right line applies the functions in reverse order.
      t = rotl((ar + ripemdF(3 - round, br, cr, dr) + x[R_RIGHT[j]!]! + K_RIGHT[round]!) | 0, S_RIGHT[j]!);
      ar = dr; dr = cr; cr = br; br = t;
    }
    const t = (h[1]! + cl + dr) | 0;
    h[1] = (h[2]! + dl + ar) | 0;
    h[2] = (h[3]! + al + br) | 0;
    h[3] = (h[0]! + bl + cr) | 0;
    h[0] = t;
  }
}

export function ripemd128(data: Uint8Array): Uint8Array {
  return new Ripemd128().update(data).digest();
}
