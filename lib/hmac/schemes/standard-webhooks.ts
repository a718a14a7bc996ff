import { ALGORITHMS } from "../algorithms";
import { decodeSignature, encodeSignature, firstOutsideEncoding, indexWithin } from "../encoding";
import { MAX_MESSAGE_ID_LENGTH, MAX_SIGNATURES, readHeader, type HeaderInput } from "../headers";
import type { ZStandardWebhooksSettings } from "../schemas";
import type { z } from "zod";
import { SCHEME_CATALOGUE } from "../catalogue";
import { checkHeaderValue, isMalformed, malformed, missing, parseTimestamp, type MalformedOutcome, type ParseOutcome, type SchemeModule } from "./types";

// Standard Webhooks (standardwebhooks.com): webhook-id, webhook-timestamp and webhook-signature
// (or the same under svix-*), signed `{id}.{timestamp}.{body}`, the signature header a
// space-separated list of `v1,{base64}`. Entries of other versions (`v1a,` …) are skipped; the
// header is malformed only when no entry can be read at all.

type Settings = z.infer<typeof ZStandardWebhooksSettings>;

function namesFor(headers: HeaderInput): { id: string; timestamp: string; signature: string } {
  const svix = readHeader(headers, "webhook-signature") === undefined && readHeader(headers, "svix-signature") !== undefined;
  const p = svix ? "svix-" : "webhook-";
  return { id: `${p}id`, timestamp: `${p}timestamp`, signature: `${p}signature` };
}

function readContext(_settings: Settings, headers: HeaderInput) {
  const names = namesFor(headers);
  return { id: readHeader(headers, names.id), timestamp: readHeader(headers, names.timestamp) };
}

function parse(settings: Settings, headers: HeaderInput): ParseOutcome {
  const names = namesFor(headers);
  const signature = readHeader(headers, names.signature);
  const id = readHeader(headers, names.id);
  const timestampRaw = readHeader(headers, names.timestamp);
  const absent = [signature === undefined && names.signature, id === undefined && names.id, timestampRaw === undefined && names.timestamp].filter(Boolean);
  if (absent.length > 0 || signature === undefined || id === undefined || timestampRaw === undefined) {
    return missing(`Missing Standard Webhooks header${absent.length > 1 ? "s" : ""}: ${absent.join(", ")}.`);
  }
  const bad = checkHeaderValue(names.signature, signature, true);
  if (bad) return bad;
  if (id.length > MAX_MESSAGE_ID_LENGTH) return malformed("header-too-long", `The ${names.id} header is longer than ${MAX_MESSAGE_ID_LENGTH} characters.`, { header: names.id, at: MAX_MESSAGE_ID_LENGTH });
  const timestamp = parseTimestamp(names.timestamp, timestampRaw);
  if (isMalformed(timestamp)) return timestamp;

  const bytes = ALGORITHMS[settings.algorithm].digestBytes;
  const signatures: Buffer[] = [];
  let otherVersions = 0;
  let entries = 0;
  let problem: MalformedOutcome | undefined;
  let start = 0;
  // Bounded work: at most MAX_SIGNATURES v1 signatures and twice as many entries in all.
  while (start <= signature.length && signatures.length < MAX_SIGNATURES && entries < 2 * MAX_SIGNATURES) {
    let end = signature.indexOf(" ", start);
    if (end === -1) end = signature.length;
    if (end > start) {
      const comma = indexWithin(signature, 44 /* , */, start, end);
      entries++;
      if (comma === -1 || comma === start) {
        problem = malformed("bad-structure", `Each ${names.signature} entry must be "v1,{base64}".`, { header: names.signature, at: start });
      } else if (comma - start === 2 && signature.startsWith("v1", start)) {
        const decoded = decodeSignature(signature.slice(comma + 1, end), 0, "base64", bytes);
        if (decoded.ok) signatures.push(decoded.bytes);
        else
          problem =
            decoded.reason === "bad-encoding"
              ? malformed("bad-encoding", `A ${names.signature} v1 entry is not base64.`, {
                  header: names.signature,
                  at: comma + 1 + firstOutsideEncoding(signature.slice(comma + 1, end), "base64"),
                })
              : malformed("wrong-length", `A ${names.signature} v1 entry has the wrong length for ${ALGORITHMS[settings.algorithm].label}.`, { header: names.signature, at: comma + 1 });
      } else {
        otherVersions++;
      }
    }
    start = end + 1;
  }
  if (signatures.length === 0 && otherVersions === 0) {
    return problem ?? malformed("bad-structure", `The ${names.signature} header holds no signature.`, { header: names.signature });
  }
  return {
    kind: "parsed",
    request: {
      signatures,
      timestamp,
      messageId: id,
      context: { id, timestamp: timestamp.raw },
      emptyReason: signatures.length === 0 ? `The ${names.signature} header has no v1 signature.` : undefined,
    },
  };
}

export const standardWebhooksScheme: SchemeModule<Settings> & { readContext: typeof readContext } = {
  scheme: "standard-webhooks",
  keyBytes: SCHEME_CATALOGUE["standard-webhooks"].keyBytes,
  parse,
  readContext,
  needs: SCHEME_CATALOGUE["standard-webhooks"].needs,
  writeSignedContent: (_settings, mac, body, { id, timestamp }) => {
    mac.update(`${id}.${timestamp}.`).update(body);
  },
  formatHeaders: (_settings, signatures, { id, timestamp }) => ({
    "webhook-id": id ?? "",
    "webhook-timestamp": timestamp ?? "",
    "webhook-signature": signatures.map((s) => `v1,${encodeSignature(s, "base64")}`).join(" "),
  }),
};
