import { LittleEndianBlockHash, R_LEFT, R_RIGHT, S_LEFT, S_RIGHT, ripemdF, rotl } from "./block-hash";

// RIPEMD-160 in TypeScript: used only when the OpenSSL that Node runs on does not offer
// "ripemd160" (OpenSSL 3 may move it to the legacy provider). Tested against Node's.

const K_LEFT = [0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e];
const K_RIGHT = [0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0x00000000];

export class Ripemd160 extends LittleEndianBlockHash {
  private readonly h = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);

  protected state(): ArrayLike<number> {
    return this.h;
  }

  protected compress(x: Int32Array): void {
    const h = this.h;
    let al = h[0]!, bl = h[1]!, cl = h[2]!, dl = h[3]!, el = h[4]!;
    let ar = al, br = bl, cr = cl, dr = dl, er = el;
    for (let j = 0; j < 80; j++) {
      const round = (j / 16) | 0;
      let t = (rotl((al + ripemdF(round, bl, cl, dl) + x[R_LEFT[j]!]! + K_LEFT[round]!) | 0, S_LEFT[j]!) + el) | 0;
      al = el; el = dl; dl = rotl(cl, 10); cl = bl; bl = t;
      t = (rotl((ar + ripemdF(4 - round, br, cr, dr) + x[R_RIGHT[j]!]! + K_RIGHT[round]!) | 0, S_RIGHT[j]!) + er) | 0;
      ar = er; er = dr; dr = rotl(cr, 10); cr = br; br = t;
    }
    const t = (h[1]! + cl + dr) | 0;
    h[1] = (h[2]! + dl + er) | 0;
    h[2] = (h[3]! + el + ar) | 0;
    h[3] = (h[4]! + al + br) | 0;
    h[4] = (h[0]! + bl + cr) | 0;
    h[0] = t;
  }
}

export function ripemd160(data: Uint8Array): Uint8Array {
  return new Ripemd160().update(data).digest();
}
