import { describe, expect, it } from "vitest";
import { ZHmacSettings } from "../schemas";
import { signRequest } from "../sign";
import { verifySignature, type VerifyOutcome } from "../verify";
import { SCHEMES } from "./index";
import { parseTemplate } from "./custom";

// Per-scheme parsing: what is missing, what is malformed (and why), what merely mismatches.

const NOW = 1_700_000_000;
const hex32 = "ab".repeat(32);
const b64 = Buffer.alloc(32, 7).toString("base64");

function check(input: Record<string, unknown>, headers: Record<string, string>): VerifyOutcome {
  const settings = ZHmacSettings.parse(input);
  return verifySignature({ settings, headers, body: Buffer.from("{}"), secrets: [{ id: "s", value: "whsec_" + Buffer.alloc(24).toString("base64") }], now: new Date(NOW * 1000) });
}

const cases: [string, Record<string, unknown>, Record<string, string>, string][] = [
  // prefixed-hex
  ["prefixed-hex: no prefix", { scheme: "prefixed-hex" }, { "X-Signet-Signature": hex32 }, "malformed:missing-prefix"],
  ["prefixed-hex: wrong algorithm prefix", { scheme: "prefixed-hex" }, { "X-Signet-Signature": "sha1=" + hex32 }, "malformed:missing-prefix"],
  ["prefixed-hex: non-hex", { scheme: "prefixed-hex" }, { "X-Signet-Signature": "sha256=" + "zz".repeat(32) }, "malformed:bad-encoding"],
  ["prefixed-hex: short", { scheme: "prefixed-hex" }, { "X-Signet-Signature": "sha256=abcd" }, "malformed:wrong-length"],
  ["prefixed-hex: space", { scheme: "prefixed-hex" }, { "X-Signet-Signature": "sha256= " + hex32 }, "malformed:whitespace"],
  ["prefixed-hex: well formed", { scheme: "prefixed-hex" }, { "X-Signet-Signature": "sha256=" + hex32 }, "mismatch"],
  ["prefixed-hex: renamed header", { scheme: "prefixed-hex", header: "X-Sig" }, { "X-Signet-Signature": "sha256=" + hex32 }, "missing"],
  // plain-hex
  ["plain-hex: upper case", { scheme: "plain-hex" }, { "X-HMAC-Signature": hex32.toUpperCase() }, "mismatch"],
  ["plain-hex: X-HMAC-HASH alias", { scheme: "plain-hex" }, { "X-HMAC-HASH": hex32 }, "mismatch"],
  ["plain-hex: prefix not allowed", { scheme: "plain-hex" }, { "X-HMAC-Signature": "sha256=" + hex32 }, "malformed:bad-encoding"],
  // standard webhooks
  ["sw: missing id", { scheme: "standard-webhooks" }, { "webhook-timestamp": `${NOW}`, "webhook-signature": `v1,${b64}` }, "missing"],
  ["sw: only other versions", { scheme: "standard-webhooks" }, { "webhook-id": "m", "webhook-timestamp": `${NOW}`, "webhook-signature": "v1a,abc v2,xyz" }, "mismatch"],
  ["sw: nothing parsable", { scheme: "standard-webhooks" }, { "webhook-id": "m", "webhook-timestamp": `${NOW}`, "webhook-signature": "garbage" }, "malformed:bad-structure"],
  ["sw: v1 of wrong length", { scheme: "standard-webhooks" }, { "webhook-id": "m", "webhook-timestamp": `${NOW}`, "webhook-signature": "v1,AAAA" }, "malformed:wrong-length"],
  ["sw: bad + good v1", { scheme: "standard-webhooks" }, { "webhook-id": "m", "webhook-timestamp": `${NOW}`, "webhook-signature": `v1,*** v1,${b64}` }, "mismatch"],
  ["sw: timestamp not digits", { scheme: "standard-webhooks" }, { "webhook-id": "m", "webhook-timestamp": "-1", "webhook-signature": `v1,${b64}` }, "malformed:bad-timestamp"],
  ["sw: old timestamp", { scheme: "standard-webhooks" }, { "webhook-id": "m", "webhook-timestamp": `${NOW - 301}`, "webhook-signature": `v1,${b64}` }, "expired-timestamp"],
  // stripe
  ["stripe: no t", { scheme: "stripe" }, { "Stripe-Signature": `v1=${hex32}` }, "malformed:bad-timestamp"],
  ["stripe: two t", { scheme: "stripe" }, { "Stripe-Signature": `t=${NOW},t=${NOW},v1=${hex32}` }, "malformed:bad-structure"],
  ["stripe: bad v1", { scheme: "stripe" }, { "Stripe-Signature": `t=${NOW},v1=xyz` }, "malformed:bad-encoding"],
  ["stripe: only v0", { scheme: "stripe" }, { "Stripe-Signature": `t=${NOW},v0=${hex32}` }, "mismatch"],
  ["stripe: spaces", { scheme: "stripe" }, { "Stripe-Signature": `t=${NOW}, v1=${hex32}` }, "malformed:whitespace"],
  ["stripe: not key=value", { scheme: "stripe" }, { "Stripe-Signature": `t=${NOW},v1` }, "malformed:bad-structure"],
  // slack
  ["slack: no timestamp", { scheme: "slack" }, { "X-Slack-Signature": `v0=${hex32}` }, "missing"],
  ["slack: wrong prefix", { scheme: "slack" }, { "X-Slack-Signature": `v1=${hex32}`, "X-Slack-Request-Timestamp": `${NOW}` }, "malformed:missing-prefix"],
  // github / shopify
  ["github: sha1 header with sha256 settings", { scheme: "github" }, { "X-Hub-Signature": `sha1=${"ab".repeat(20)}` }, "missing"],
  ["github: legacy sha1", { scheme: "github", algorithm: "sha1" }, { "X-Hub-Signature": `sha1=${"ab".repeat(20)}` }, "mismatch"],
  ["shopify: hex instead of base64", { scheme: "shopify" }, { "X-Shopify-Hmac-Sha256": hex32 }, "malformed:wrong-length"],
  ["shopify: base64", { scheme: "shopify" }, { "X-Shopify-Hmac-Sha256": b64 }, "mismatch"],
  // custom
  ["custom: several with separator", { scheme: "custom", custom: { header: "X-S", prefix: "v1=", separator: "," } }, { "X-S": `v1=${hex32},v1=${hex32}` }, "mismatch"],
  ["custom: one bad among several", { scheme: "custom", custom: { header: "X-S", prefix: "v1=", separator: "," } }, { "X-S": `v1=${hex32},v2=${hex32}` }, "malformed:missing-prefix"],
  ["custom: base64url", { scheme: "custom", custom: { header: "X-S", encoding: "base64url" } }, { "X-S": Buffer.alloc(32, 255).toString("base64url") }, "mismatch"],
  ["custom: base64 chars in base64url", { scheme: "custom", custom: { header: "X-S", encoding: "base64url" } }, { "X-S": Buffer.alloc(32, 255).toString("base64") }, "malformed:bad-encoding"],
  ["custom: needs its timestamp header", { scheme: "custom", custom: { header: "X-S", signedContent: "{timestamp}.{body}", timestampHeader: "X-T" } }, { "X-S": hex32 }, "missing"],
];

describe("scheme parsing", () => {
  it.each(cases)("%s", (_name, settings, headers, expected) => {
    const outcome = check(settings, headers);
    expect(outcome.kind === "malformed" ? `malformed:${outcome.reason}` : outcome.kind).toBe(expected);
  });

  it("every scheme in the union has a module", () => {
    expect(Object.keys(SCHEMES).sort()).toEqual(ZHmacSettings.options.map((o) => o.shape.scheme.value).sort());
  });

  it("messages name the header, never a secret", () => {
    const outcome = check({ scheme: "prefixed-hex" }, { "X-Signet-Signature": "sha256=abcd" });
    expect(outcome.kind === "malformed" && outcome.message).toMatch(/X-Signet-Signature.*SHA-256/);
  });
});

describe("signing headers per scheme", () => {
  const body = Buffer.from("{}");
  it("stripe: t=…,v1=…", () => {
    expect(signRequest({ settings: ZHmacSettings.parse({ scheme: "stripe" }), secret: "sk", body, timestamp: NOW })["Stripe-Signature"]).toMatch(new RegExp(`^t=${NOW},v1=[0-9a-f]{64}$`));
  });
  it("custom: prefix, encoding, timestamp and id headers", () => {
    const settings = ZHmacSettings.parse({ scheme: "custom", algorithm: "sha384", custom: { header: "X-S", prefix: "sig=", encoding: "base64", signedContent: "{id}:{timestamp}:{body}", timestampHeader: "X-T", idHeader: "X-I" } });
    const headers = signRequest({ settings, secret: "k", body, timestamp: NOW, id: "abc" });
    expect(headers).toEqual({ "X-S": expect.stringMatching(/^sig=[A-Za-z0-9+/]{64}$/), "X-T": String(NOW), "X-I": "abc" });
  });
  it("custom templates keep unknown braces as text", () => {
    expect(parseTemplate("{x}{body}.{id}")).toEqual(["{x}", { field: "body" }, ".", { field: "id" }]);
  });
});
