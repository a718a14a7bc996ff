import { describe, expect, it } from "vitest";
import { vectors } from "./__fixtures__/vectors";
import { ZHmacSettings, type THmacSettings } from "./schemas";
import { signRequest, signRequestWithSecrets } from "./sign";
import { expectedSignatures, messageIdOf, timestampOf, verifySignature, type HmacSecret } from "./verify";

const settings = (input: Record<string, unknown>): THmacSettings => ZHmacSettings.parse({ enabled: true, ...input });
const bytes = (s: string) => Buffer.from(s, "utf8");
const at = (unix: number) => new Date(unix * 1000);
const secret = (id: string, value: string, extra: Partial<HmacSecret> = {}): HmacSecret => ({ id, value, ...extra });

describe("published vectors verify", () => {
  it.each(vectors.github)("GitHub: $source", (v) => {
    const outcome = verifySignature({ settings: settings({ scheme: "github" }), headers: { [v.header]: v.value }, body: bytes(v.body), secrets: [secret("s1", v.secret)] });
    expect(outcome).toEqual({ kind: "ok", secretId: "s1" });
  });

  it.each(vectors.standard_webhooks)("Standard Webhooks: $source (webhook-* and svix-* headers)", (v) => {
    for (const p of ["webhook-", "svix-"]) {
      const headers = { [`${p}id`]: v.id, [`${p}timestamp`]: String(v.timestamp), [`${p}signature`]: v.signature };
      const outcome = verifySignature({ settings: settings({ scheme: "standard-webhooks" }), headers, body: bytes(v.body), secrets: [secret("s1", v.secret)], now: at(v.timestamp) });
      expect(outcome).toEqual({ kind: "ok", secretId: "s1", timestamp: v.timestamp, messageId: v.id });
    }
  });

  it.each(vectors.slack)("Slack: $source", (v) => {
    const headers = new Headers({ "X-Slack-Signature": v.signature, "X-Slack-Request-Timestamp": String(v.timestamp) });
    const outcome = verifySignature({ settings: settings({ scheme: "slack" }), headers, body: bytes(v.body), secrets: [secret("s1", v.secret)], now: at(v.timestamp + 10) });
    expect(outcome).toMatchObject({ kind: "ok", secretId: "s1", timestamp: v.timestamp });
  });

  it("signing reproduces the published signatures", () => {
    const [gh] = vectors.github;
    expect(signRequest({ settings: settings({ scheme: "github" }), secret: gh!.secret, body: bytes(gh!.body) })).toEqual({ [gh!.header]: gh!.value });
    const [sw] = vectors.standard_webhooks;
    expect(signRequest({ settings: settings({ scheme: "standard-webhooks" }), secret: sw!.secret, body: bytes(sw!.body), timestamp: sw!.timestamp, id: sw!.id })["webhook-signature"]).toBe(sw!.signature);
    const [sl] = vectors.slack;
    expect(signRequest({ settings: settings({ scheme: "slack" }), secret: sl!.secret, body: bytes(sl!.body), timestamp: sl!.timestamp })["X-Slack-Signature"]).toBe(sl!.signature);
  });
});

describe("outcomes", () => {
  const s = settings({ scheme: "prefixed-hex" });
  const body = bytes('{"hello":"world"}');
  const good = signRequest({ settings: s, secret: "whsec_current", body })["X-Signet-Signature"]!;

  it("ok names the secret that matched", () => {
    expect(verifySignature({ settings: s, headers: { "x-signet-signature": good }, body, secrets: [secret("old", "whsec_old"), secret("cur", "whsec_current")] })).toEqual({ kind: "ok", secretId: "cur" });
  });

  it("accepts hex digits in upper case, but the prefix is exact", () => {
    const upper = "sha256=" + good.slice(7).toUpperCase();
    expect(verifySignature({ settings: s, headers: { "X-Signet-Signature": upper }, body, secrets: [secret("cur", "whsec_current")] }).kind).toBe("ok");
    expect(verifySignature({ settings: s, headers: { "X-Signet-Signature": "SHA256=" + good.slice(7) }, body, secrets: [secret("cur", "whsec_current")] })).toMatchObject({ kind: "malformed", reason: "missing-prefix" });
  });

  it("missing when the header is absent or empty", () => {
    expect(verifySignature({ settings: s, headers: {}, body, secrets: [secret("cur", "x")] }).kind).toBe("missing");
    expect(verifySignature({ settings: s, headers: { "X-Signet-Signature": "" }, body, secrets: [secret("cur", "x")] }).kind).toBe("missing");
  });

  it("mismatch for a well-formed signature of the wrong secret or body, without revealing the expected value", () => {
    const outcome = verifySignature({ settings: s, headers: { "X-Signet-Signature": good }, body: bytes('{"hello":"world" }'), secrets: [secret("cur", "whsec_current")] });
    expect(outcome.kind).toBe("mismatch");
    const expectedHex = signRequest({ settings: s, secret: "whsec_current", body: bytes('{"hello":"world" }') })["X-Signet-Signature"]!.slice(7);
    expect(JSON.stringify(outcome)).not.toContain(expectedHex);
    expect(JSON.stringify(outcome)).not.toContain("whsec_current");
  });

  it("no-active-secret when every secret is expired, revoked or empty", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const secrets = [
      secret("exp", "whsec_current", { expiresAt: now }),
      secret("rev", "whsec_current", { revokedAt: new Date("2025-01-01") }),
      secret("empty", ""),
    ];
    expect(verifySignature({ settings: s, headers: { "X-Signet-Signature": good }, body, secrets, now }).kind).toBe("no-active-secret");
    expect(verifySignature({ settings: s, headers: { "X-Signet-Signature": good }, body, secrets: [], now }).kind).toBe("no-active-secret");
  });

  it("an expired or revoked secret never verifies even when its signature is right", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const secrets = [secret("new", "whsec_new"), secret("old", "whsec_current", { expiresAt: new Date(now.getTime() - 1) })];
    expect(verifySignature({ settings: s, headers: { "X-Signet-Signature": good }, body, secrets, now }).kind).toBe("mismatch");
    secrets[1]!.expiresAt = new Date(now.getTime() + 1);
    expect(verifySignature({ settings: s, headers: { "X-Signet-Signature": good }, body, secrets, now })).toMatchObject({ kind: "ok", secretId: "old" });
  });

  it("the algorithm decides prefix and length: sha512= for SHA-512", () => {
    const s512 = settings({ scheme: "prefixed-hex", algorithm: "sha512" });
    const h = signRequest({ settings: s512, secret: "k", body })["X-Signet-Signature"]!;
    expect(h).toMatch(/^sha512=[0-9a-f]{128}$/);
    expect(verifySignature({ settings: s512, headers: { "X-Signet-Signature": h }, body, secrets: [secret("k", "k")] }).kind).toBe("ok");
    expect(verifySignature({ settings: s512, headers: { "X-Signet-Signature": good }, body, secrets: [secret("k", "k")] })).toMatchObject({ kind: "malformed", reason: "missing-prefix" });
    expect(verifySignature({ settings: s512, headers: { "X-Signet-Signature": "sha512=" + good.slice(7) }, body, secrets: [secret("k", "k")] })).toMatchObject({ kind: "malformed", reason: "wrong-length" });
  });
});

describe("rotation: several signatures × several secrets", () => {
  const body = bytes("payload");
  const now = 1_800_000_000;

  it.each(["standard-webhooks", "stripe"] as const)("%s: valid when any signature matches any active secret", (scheme) => {
    const s = settings({ scheme });
    const secrets = ["whsec_" + Buffer.alloc(24, 1).toString("base64"), "whsec_" + Buffer.alloc(24, 2).toString("base64"), "whsec_" + Buffer.alloc(24, 3).toString("base64")];
    const headers = signRequestWithSecrets({ settings: s, secrets: [secrets[0]!, secrets[1]!], body, timestamp: now, id: "msg_1" });
    // Receiver knows the second and third; the first (sender's new one) is unknown to it yet.
    expect(verifySignature({ settings: s, headers, body, secrets: [secret("c", secrets[2]!), secret("b", secrets[1]!)], now: at(now) })).toMatchObject({ kind: "ok", secretId: "b" });
    expect(verifySignature({ settings: s, headers, body, secrets: [secret("c", secrets[2]!)], now: at(now) }).kind).toBe("mismatch");
  });

  it("considers at most 32 signatures from one header", () => {
    const s = settings({ scheme: "standard-webhooks" });
    const key = "whsec_" + Buffer.alloc(24, 9).toString("base64");
    const real = signRequest({ settings: s, secret: key, body, timestamp: now, id: "m" });
    const filler = Array.from({ length: 40 }, () => "v1," + Buffer.alloc(32).toString("base64")).join(" ");
    const headers = { ...real, "webhook-signature": `${filler} ${real["webhook-signature"]}` };
    expect(verifySignature({ settings: s, headers, body, secrets: [secret("k", key)], now: at(now) }).kind).toBe("mismatch");
  });
});

describe("timestamp tolerance", () => {
  const s = settings({ scheme: "stripe", toleranceSeconds: 300 });
  const body = bytes("{}");
  const ts = 1_700_000_000;
  const headers = signRequest({ settings: s, secret: "sk", body, timestamp: ts });
  const verifyAt = (unix: number) => verifySignature({ settings: s, headers, body, secrets: [secret("a", "sk")], now: at(unix) }).kind;

  it("accepts up to the tolerance in both directions and rejects beyond", () => {
    expect(verifyAt(ts + 300)).toBe("ok");
    expect(verifyAt(ts - 300)).toBe("ok");
    expect(verifyAt(ts + 301)).toBe("expired-timestamp");
    expect(verifyAt(ts - 301)).toBe("expired-timestamp");
  });

  it("checks the window before the secrets, so a replay is told apart from a bad secret", () => {
    expect(verifySignature({ settings: s, headers, body, secrets: [], now: at(ts + 1000) }).kind).toBe("expired-timestamp");
  });

  it("an unparsable timestamp is malformed", () => {
    const bad = { "Stripe-Signature": headers["Stripe-Signature"]!.replace(`t=${ts}`, "t=1.7e9") };
    expect(verifySignature({ settings: s, headers: bad, body, secrets: [secret("a", "sk")], now: at(ts) })).toMatchObject({ kind: "malformed", reason: "bad-timestamp" });
  });
});

describe("headers input", () => {
  const s = settings({ scheme: "prefixed-hex", header: "X-My-Sig" });
  const body = bytes("x");
  const value = signRequest({ settings: s, secret: "k".repeat(16), body })["X-My-Sig"]!;
  it.each([
    ["fetch Headers", new Headers({ "x-my-sig": value })],
    ["exact-case record", { "X-My-Sig": value }],
    ["lower-case record", { "x-my-sig": value }],
    ["odd-case record", { "X-MY-SIG": value }],
    ["single-element array", { "x-my-sig": [value] }],
  ])("reads the header from a %s", (_name, headers) => {
    expect(verifySignature({ settings: s, headers, body, secrets: [secret("k", "k".repeat(16))] }).kind).toBe("ok");
  });

  it("a repeated header is joined like Headers.get, then malformed (spaces)", () => {
    expect(verifySignature({ settings: s, headers: { "x-my-sig": [value, value] }, body, secrets: [secret("k", "k")] })).toMatchObject({ kind: "malformed", reason: "whitespace" });
  });

  it("does not read inherited properties as headers", () => {
    const sc = settings({ scheme: "prefixed-hex", header: "constructor" });
    expect(verifySignature({ settings: sc, headers: {}, body, secrets: [secret("k", "k")] }).kind).toBe("missing");
  });
});

describe("debugger helpers", () => {
  it("expectedSignatures gives each active secret's header for the request's timestamp and id", () => {
    const s = settings({ scheme: "standard-webhooks" });
    const key = "whsec_" + Buffer.alloc(32, 5).toString("base64");
    const body = bytes("{}");
    const headers = signRequest({ settings: s, secret: key, body, timestamp: 1_700_000_000, id: "msg_x" });
    const result = expectedSignatures({ settings: s, headers, body, secrets: [secret("a", key), secret("gone", key, { revokedAt: new Date() })] });
    expect(result.expected).toEqual([{ secretId: "a", headers }]);
    expect(messageIdOf(s, headers)).toBe("msg_x");
    expect(timestampOf(s, headers)).toBe(1_700_000_000);
  });

  it("explains when the request lacks what the signature covers", () => {
    const s = settings({ scheme: "slack" });
    expect(expectedSignatures({ settings: s, headers: {}, body: bytes(""), secrets: [secret("a", "k")] }).problem).toMatch(/timestamp/);
  });
});
