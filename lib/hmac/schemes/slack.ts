import { encodeSignature } from "../encoding";
import { readHeader, type HeaderInput } from "../headers";
import type { ZSlackSettings } from "../schemas";
import type { z } from "zod";
import { SCHEME_CATALOGUE } from "../catalogue";
import { checkHeaderLength, decodePrefixed, isMalformed, missing, parseTimestamp, type ParseOutcome, type SchemeModule } from "./types";

// Slack: `X-Slack-Signature: v0={hex}` over `v0:{timestamp}:{body}`, the timestamp from
// X-Slack-Request-Timestamp (signed as received).

type Settings = z.infer<typeof ZSlackSettings>;

export const SLACK_SIGNATURE_HEADER = "X-Slack-Signature";
export const SLACK_TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";

function readContext(_settings: Settings, headers: HeaderInput) {
  return { timestamp: readHeader(headers, SLACK_TIMESTAMP_HEADER) };
}

function parse(settings: Settings, headers: HeaderInput): ParseOutcome {
  const value = readHeader(headers, SLACK_SIGNATURE_HEADER);
  const timestampRaw = readHeader(headers, SLACK_TIMESTAMP_HEADER);
  if (value === undefined || timestampRaw === undefined) {
    const absent = [value === undefined && SLACK_SIGNATURE_HEADER, timestampRaw === undefined && SLACK_TIMESTAMP_HEADER].filter(Boolean);
    return missing(`Missing Slack header${absent.length > 1 ? "s" : ""}: ${absent.join(", ")}.`);
  }
  const bad = checkHeaderLength(SLACK_SIGNATURE_HEADER, value);
  if (bad) return bad;
  const decoded = decodePrefixed(SLACK_SIGNATURE_HEADER, value, "v0=", "hex", settings.algorithm);
  if (isMalformed(decoded)) return decoded;
  const timestamp = parseTimestamp(SLACK_TIMESTAMP_HEADER, timestampRaw);
  if (isMalformed(timestamp)) return timestamp;
  return { kind: "parsed", request: { signatures: [decoded.bytes], timestamp, context: { timestamp: timestamp.raw } } };
}

export const slackScheme: SchemeModule<Settings> & { readContext: typeof readContext } = {
  scheme: "slack",
  keyBytes: SCHEME_CATALOGUE["slack"].keyBytes,
  parse,
  readContext,
  needs: SCHEME_CATALOGUE["slack"].needs,
  writeSignedContent: (_settings, mac, body, { timestamp }) => {
    mac.update(`v0:${timestamp}:`).update(body);
  },
  formatHeaders: (_settings, [signature], { timestamp }) => ({
    [SLACK_SIGNATURE_HEADER]: `v0=${encodeSignature(signature!, "hex")}`,
    [SLACK_TIMESTAMP_HEADER]: timestamp ?? "",
  }),
};
