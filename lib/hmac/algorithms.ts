import { createHash, createHmac, getHashes } from "node:crypto";
import type { StreamingHash } from "./block-hash";
import { ALGORITHM_CATALOGUE } from "./catalogue";
import { Ripemd128 } from "./ripemd128";
import { Ripemd160 } from "./ripemd160";
import type { THmacAlgorithm } from "./schemas";

// The HMAC algorithms a builder can pick. Node's crypto does the work where it can; for what
// it lacks (RIPEMD-128 always, RIPEMD-160 on an OpenSSL without it) HMAC is built here per
// RFC 2104 on our own streaming hash.

export interface AlgorithmInfo {
  label: string;
  /** Digest length in bytes; a received signature of any other length is malformed. */
  digestBytes: number;
  blockBytes: number;
  /** Weak or outdated; the UI flags it and suggests SHA-256. */
  legacy: boolean;
  /** Prefix where a scheme names the algorithm in the value, as in `sha256={hex}`. */
  prefix: string;
}

// Names and the legacy flag come from the client-safe catalogue the builder's pickers use.
function info(algorithm: THmacAlgorithm, digestBytes: number, blockBytes: number): AlgorithmInfo {
  const { name, legacy } = ALGORITHM_CATALOGUE[algorithm];
  return { label: legacy ? `${name} (legacy)` : name, digestBytes, blockBytes, legacy, prefix: `${algorithm}=` };
}

export const ALGORITHMS: Readonly<Record<THmacAlgorithm, AlgorithmInfo>> = {
  sha256: info("sha256", 32, 64),
  sha384: info("sha384", 48, 128),
  sha512: info("sha512", 64, 128),
  sha1: info("sha1", 20, 64),
  ripemd128: info("ripemd128", 16, 64),
  ripemd160: info("ripemd160", 20, 64),
};

export function digestLength(algorithm: THmacAlgorithm): number {
  return ALGORITHMS[algorithm].digestBytes;
}

export function isLegacyAlgorithm(algorithm: THmacAlgorithm): boolean {
  return ALGORITHMS[algorithm].legacy;
}

/** An incremental MAC: feed chunks, then take the tag once. Strings are fed as UTF-8. */
export interface Mac {
  update(chunk: string | Uint8Array): Mac;
  digest(): Buffer;
}

function nodeHasHash(name: string): boolean {
  if (!getHashes().includes(name)) return false;
  try {
    // Listed is not enough: OpenSSL 3 may list it yet fail when the legacy provider is off.
    createHash(name).update("probe").digest();
    return true;
  } catch {
    return false;
  }
}

type HashFactory = () => StreamingHash;

/** Which implementation backs each algorithm, decided once at load. */
const NODE_NAME: Partial<Record<THmacAlgorithm, string>> = {
  sha256: "sha256",
  sha384: "sha384",
  sha512: "sha512",
  sha1: "sha1",
  ...(nodeHasHash("ripemd160") ? { ripemd160: "ripemd160" } : {}),
};

const OWN_HASH: Partial<Record<THmacAlgorithm, HashFactory>> = {
  ripemd128: () => new Ripemd128(),
  ripemd160: () => new Ripemd160(),
};

/** "node" or "signet": which implementation runs this algorithm here (shown in diagnostics). */
export function algorithmBackend(algorithm: THmacAlgorithm): "node" | "signet" {
  return NODE_NAME[algorithm] ? "node" : "signet";
}

export function createMac(algorithm: THmacAlgorithm, key: string | Uint8Array): Mac {
  const nodeName = NODE_NAME[algorithm];
  if (nodeName) return createHmac(nodeName, key);
  const factory = OWN_HASH[algorithm];
  if (!factory) throw new Error(`No implementation for ${algorithm}`);
  return new Rfc2104Hmac(factory, ALGORITHMS[algorithm].blockBytes, toBytes(key));
}

/** HMAC of the concatenated chunks, without concatenating them. */
export function hmac(algorithm: THmacAlgorithm, key: string | Uint8Array, ...chunks: (string | Uint8Array)[]): Buffer {
  const mac = createMac(algorithm, key);
  for (const chunk of chunks) mac.update(chunk);
  return mac.digest();
}

/** The plain digest, streaming; used by tests and the debugger's body hash. */
export function hash(algorithm: THmacAlgorithm, ...chunks: (string | Uint8Array)[]): Buffer {
  const nodeName = NODE_NAME[algorithm];
  if (nodeName) {
    const h = createHash(nodeName);
    for (const chunk of chunks) h.update(chunk);
    return h.digest();
  }
  const h = OWN_HASH[algorithm]!();
  for (const chunk of chunks) h.update(toBytes(chunk));
  return Buffer.from(h.digest());
}

function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

/** RFC 2104: H((K ^ opad) || H((K ^ ipad) || text)), K hashed first when longer than a block. */
class Rfc2104Hmac implements Mac {
  private readonly inner: StreamingHash;
  private readonly outerKey: Uint8Array;
  private done = false;

  constructor(
    private readonly factory: HashFactory,
    blockBytes: number,
    key: Uint8Array,
  ) {
    const k = new Uint8Array(blockBytes);
    k.set(key.length > blockBytes ? factory().update(key).digest() : key);
    const ipad = new Uint8Array(blockBytes);
    this.outerKey = new Uint8Array(blockBytes);
    for (let i = 0; i < blockBytes; i++) {
      ipad[i] = k[i]! ^ 0x36;
      this.outerKey[i] = k[i]! ^ 0x5c;
    }
    this.inner = factory().update(ipad);
  }

  update(chunk: string | Uint8Array): Mac {
    if (this.done) throw new Error("HMAC already finalised");
    this.inner.update(toBytes(chunk));
    return this;
  }

  digest(): Buffer {
    if (this.done) throw new Error("HMAC already finalised");
    this.done = true;
    const innerDigest = this.inner.digest();
    return Buffer.from(this.factory().update(this.outerKey).update(innerDigest).digest());
  }
}

/** For tests: HMAC on Signet's own hash even where Node has one, to compare the two. */
export function ownHmacForTesting(algorithm: "ripemd160" | "ripemd128", key: Uint8Array): Mac {
  return new Rfc2104Hmac(OWN_HASH[algorithm]!, 64, key);
}
