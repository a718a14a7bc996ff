import { ALGORITHMS, type Mac } from "../algorithms";
import { decodeSignature, firstOutsideEncoding, firstWhitespaceOrControl, hasWhitespaceOrControl, parseUnixSeconds, type SignatureEncoding } from "../encoding";
import { MAX_HEADER_LENGTH, type HeaderInput } from "../headers";
import type { THmacSettings } from "../schemas";

// What every signature scheme module provides. verify.ts and sign.ts are generic over it, so
// adding a scheme is a union entry in schemas.ts, one module here, its line in ./index and tests.

/** Why a present signature header cannot be a signature of the scheme (→ 400). */
export type MalformedReason =
  | "header-too-long"
  | "whitespace"
  | "missing-prefix"
  | "bad-encoding"
  | "wrong-length"
  | "bad-timestamp"
  | "bad-structure";

/**
 * `header` names the malformed header and `at` the 0-based character position of the first
 * problem in its value, when it has one: the delivery log shows the builder where to look.
 */
export type MalformedOutcome = { kind: "malformed"; reason: MalformedReason; message: string; header?: string; at?: number };
export type MissingOutcome = { kind: "missing"; message: string };

export interface ParsedRequest {
  /** Decoded signatures, each exactly the algorithm's digest length; at most MAX_SIGNATURES. */
  signatures: Buffer[];
  /** The timestamp exactly as received (it is signed as text) and its value in unix seconds. */
  timestamp?: { raw: string; seconds: number };
  messageId?: string;
  /** Timestamp and id as signed (shared empty object for schemes without them). */
  context: SigningContext;
  /** Why there is nothing to compare although the header is well formed (e.g. only `v1a,`). */
  emptyReason?: string;
}

export type ParseOutcome = { kind: "parsed"; request: ParsedRequest } | MalformedOutcome | MissingOutcome;

/** Values the signed content may include besides the body, as text. */
export interface SigningContext {
  timestamp?: string;
  id?: string;
}

export interface SchemeModule<S extends THmacSettings = THmacSettings> {
  readonly scheme: S["scheme"];
  /** How the secret becomes key bytes: its UTF-8 bytes, or base64 after `whsec_`. */
  readonly keyBytes: "utf8" | "whsec-base64";
  /** Reads and decodes the signature header(s) without touching a secret. */
  parse(settings: S, headers: HeaderInput): ParseOutcome;
  /** What a sender must provide besides the body. */
  needs(settings: S): { timestamp: boolean; id: boolean };
  /** Feeds the signed bytes to the MAC piece by piece (no concatenation, no array). */
  writeSignedContent(settings: S, mac: Mac, body: Uint8Array, context: SigningContext): void;
  /** The headers carrying these signatures (schemes with one signature use the first). */
  formatHeaders(settings: S, signatures: Uint8Array[], context: SigningContext): Record<string, string>;
}

export const NO_CONTEXT: SigningContext = Object.freeze({});

export function malformed(reason: MalformedReason, message: string, where?: { header: string; at?: number }): MalformedOutcome {
  return where ? { kind: "malformed", reason, message, header: where.header, ...(where.at === undefined ? {} : { at: where.at }) } : { kind: "malformed", reason, message };
}

export function missing(message: string): MissingOutcome {
  return { kind: "missing", message };
}

const ENCODING_NAME: Record<SignatureEncoding, string> = { hex: "hex digits", base64: "base64", base64url: "base64url" };

/** Checks that every scheme applies to a raw header value before looking inside it. */
export function checkHeaderValue(header: string, value: string, allowSpaces = false): MalformedOutcome | undefined {
  if (value.length > MAX_HEADER_LENGTH) return malformed("header-too-long", `The ${header} header is longer than ${MAX_HEADER_LENGTH} characters.`, { header, at: MAX_HEADER_LENGTH });
  if (allowSpaces) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if ((c < 32 && c !== 9) || c === 127) return malformed("bad-structure", `The ${header} header contains control characters.`, { header, at: i });
    }
    return undefined;
  }
  if (hasWhitespaceOrControl(value)) return whitespaceIn(header, value);
  return undefined;
}

function whitespaceIn(header: string, value: string, offset = 0): MalformedOutcome {
  return malformed("whitespace", `The ${header} header must not contain spaces.`, { header, at: offset + firstWhitespaceOrControl(value) });
}

/**
 * The hot-path variant for single-signature headers: only the length is checked up front. A
 * value that then decodes cleanly cannot hold whitespace, so spaces are looked for only once
 * decoding has failed, to name the reason.
 */
export function checkHeaderLength(header: string, value: string): MalformedOutcome | undefined {
  if (value.length > MAX_HEADER_LENGTH) return malformed("header-too-long", `The ${header} header is longer than ${MAX_HEADER_LENGTH} characters.`, { header, at: MAX_HEADER_LENGTH });
  return undefined;
}

/**
 * Decodes one `{prefix}{encoded}` signature. The prefix is exact (case included); the digits
 * must be the algorithm's digest length. `offset` is where `value` starts in the header's
 * value (for positions in the diagnosis of a list of signatures).
 */
export function decodePrefixed(
  header: string,
  value: string,
  prefix: string,
  encoding: SignatureEncoding,
  algorithm: THmacSettings["algorithm"],
  offset = 0,
): { ok: true; bytes: Buffer } | MalformedOutcome {
  const info = ALGORITHMS[algorithm];
  if (!value.startsWith(prefix)) {
    if (hasWhitespaceOrControl(value)) return whitespaceIn(header, value, offset);
    // Messages are built only on the error path: the hot path allocates nothing here.
    const expected = `${prefix}{${info.label.replace(" (legacy)", "")} ${encoding}}`;
    let at = 0;
    while (at < prefix.length && value.charCodeAt(at) === prefix.charCodeAt(at)) at++;
    return malformed("missing-prefix", `The ${header} value must start with "${prefix}" (expected ${expected}).`, { header, at: offset + at });
  }
  const decoded = decodeSignature(value, prefix.length, encoding, info.digestBytes);
  if (decoded.ok) return decoded;
  if (hasWhitespaceOrControl(value)) return whitespaceIn(header, value, offset);
  return decoded.reason === "bad-encoding"
    ? malformed("bad-encoding", `The ${header} signature contains characters that are not ${ENCODING_NAME[encoding]}.`, {
        header,
        at: offset + prefix.length + firstOutsideEncoding(value.slice(prefix.length), encoding),
      })
    : malformed("wrong-length", `The ${header} signature has the wrong length for ${info.label} (expected ${info.digestBytes} bytes as ${ENCODING_NAME[encoding]}, got ${value.length - prefix.length} characters).`, { header });
}

/** Parses a timestamp header value (unix seconds). */
export function parseTimestamp(header: string, raw: string): { raw: string; seconds: number } | MalformedOutcome {
  const seconds = parseUnixSeconds(raw);
  if (seconds === undefined) return malformed("bad-timestamp", `The ${header} value must be a unix time in seconds (digits only, no sign or leading zero).`, { header });
  return { raw, seconds };
}

export function isMalformed(value: object): value is MalformedOutcome {
  return (value as { kind?: string }).kind === "malformed";
}
