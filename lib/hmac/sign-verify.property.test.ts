import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZHmacAlgorithm, ZHmacSettings, type THmacSettings } from "./schemas";
import { signRequest } from "./sign";
import { verifySignature } from "./verify";

// Properties over every scheme × algorithm: what is signed verifies; one changed byte of what
// is signed does not; arbitrary header strings give a typed outcome, never an exception.

const NOW = 1_750_000_000;
const algorithms = ZHmacAlgorithm.options;

const headerName = fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/);
const customConfig = fc.record({
  header: headerName.map((h) => `${h}-Sig`),
  prefix: fc.constantFrom("", "sha256=", "v1=", "sig:"),
  encoding: fc.constantFrom("hex", "base64", "base64url" as const),
  signedContent: fc.constantFrom("{body}", "{timestamp}.{body}", "{id}.{timestamp}.{body}", "v0:{timestamp}:{body}:{id}"),
  separator: fc.constantFrom("", ",", " ", ";"),
});

const settingsArb: fc.Arbitrary<THmacSettings> = fc
  .tuple(fc.constantFrom(...ZHmacSettings.options.map((o) => o.shape.scheme.value)), fc.constantFrom(...algorithms), customConfig)
  .map(([scheme, algorithm, custom]) =>
    ZHmacSettings.parse({
      scheme,
      algorithm,
      enabled: true,
      ...(scheme === "custom"
        ? {
            custom: {
              ...custom,
              timestampHeader: custom.signedContent.includes("{timestamp}") ? "X-Ts" : undefined,
              idHeader: custom.signedContent.includes("{id}") ? "X-Id" : undefined,
            },
          }
        : {}),
    }),
  );

// A secret every scheme accepts (Standard Webhooks needs base64 after whsec_).
const secretArb = fc.uint8Array({ minLength: 16, maxLength: 40 }).map((b) => "whsec_" + Buffer.from(b).toString("base64"));
const idArb = fc.stringMatching(/^msg_[A-Za-z0-9]{1,24}$/);
const bodyArb = fc.uint8Array({ maxLength: 512 });

function timestampHeaderOf(headers: Record<string, string>): string | undefined {
  return ["webhook-timestamp", "X-Slack-Request-Timestamp", "X-Ts"].find((h) => h in headers);
}

describe("sign → verify", () => {
  it("is ok for every scheme × algorithm", () => {
    fc.assert(
      fc.property(settingsArb, secretArb, bodyArb, idArb, fc.integer({ min: -300, max: 300 }), (settings, secret, body, id, skew) => {
        const headers = signRequest({ settings, secret, body, timestamp: NOW + skew, id });
        const outcome = verifySignature({ settings, headers, body, secrets: [{ id: "s", value: secret }], now: new Date(NOW * 1000) });
        expect(outcome).toMatchObject({ kind: "ok", secretId: "s" });
      }),
      { numRuns: 400 },
    );
  });

  it("every algorithm appears with every scheme", () => {
    for (const scheme of ZHmacSettings.options.map((o) => o.shape.scheme.value)) {
      for (const algorithm of algorithms) {
        const settings = ZHmacSettings.parse({ scheme, algorithm, ...(scheme === "custom" ? { custom: { header: "X-S" } } : {}) });
        const body = Buffer.from("{}");
        const secret = "whsec_" + Buffer.alloc(32, 3).toString("base64");
        const headers = signRequest({ settings, secret, body, timestamp: NOW, id: "msg_1" });
        expect(verifySignature({ settings, headers, body, secrets: [{ id: "s", value: secret }], now: new Date(NOW * 1000) }).kind, `${scheme}/${algorithm}`).toBe("ok");
      }
    }
  });
});

describe("tampering gives mismatch", () => {
  const verifyWith = (settings: THmacSettings, headers: Record<string, string>, body: Uint8Array, secret: string) =>
    verifySignature({ settings, headers, body, secrets: [{ id: "s", value: secret }], now: new Date(NOW * 1000) });

  it("changing any single byte of the body", () => {
    fc.assert(
      fc.property(settingsArb, secretArb, bodyArb.filter((b) => b.length > 0), idArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (settings, secret, body, id, at, delta) => {
        const headers = signRequest({ settings, secret, body, timestamp: NOW, id });
        const tampered = Uint8Array.from(body);
        const i = at % body.length;
        tampered[i] = (tampered[i]! + delta) & 0xff;
        expect(verifyWith(settings, headers, tampered, secret).kind).toBe("mismatch");
      }),
      { numRuns: 300 },
    );
  });

  it("changing the timestamp (still within tolerance) where it is signed", () => {
    fc.assert(
      fc.property(settingsArb, secretArb, bodyArb, idArb, fc.integer({ min: -200, max: 200 }).filter((d) => d !== 0), (settings, secret, body, id, delta) => {
        const headers = signRequest({ settings, secret, body, timestamp: NOW, id });
        let changed: Record<string, string>;
        if (settings.scheme === "stripe") {
          changed = { "Stripe-Signature": headers["Stripe-Signature"]!.replace(`t=${NOW}`, `t=${NOW + delta}`) };
        } else {
          const name = timestampHeaderOf(headers);
          const signsTimestamp = settings.scheme !== "custom" || settings.custom.signedContent.includes("{timestamp}");
          if (!name || !signsTimestamp) return; // the scheme does not sign a timestamp
          changed = { ...headers, [name]: String(NOW + delta) };
        }
        expect(verifyWith(settings, changed, body, secret).kind).toBe("mismatch");
      }),
      { numRuns: 300 },
    );
  });

  it("changing any single character of the message id where it is signed", () => {
    fc.assert(
      fc.property(settingsArb, secretArb, bodyArb, idArb, fc.nat(), fc.constantFrom(..."ABCxyz019_"), (settings, secret, body, id, at, char) => {
        const name = settings.scheme === "standard-webhooks" ? "webhook-id" : settings.scheme === "custom" && settings.custom.idHeader ? "X-Id" : undefined;
        if (!name) return;
        const headers = signRequest({ settings, secret, body, timestamp: NOW, id });
        const i = at % id.length;
        if (id[i] === char) return;
        const changed = { ...headers, [name]: id.slice(0, i) + char + id.slice(i + 1) };
        expect(verifyWith(settings, changed, body, secret).kind).toBe("mismatch");
      }),
      { numRuns: 300 },
    );
  });
});

describe("odd input never throws", () => {
  const outcomeKinds = ["malformed", "missing", "mismatch", "expired-timestamp"];

  it("random strings in every header the scheme reads give malformed, missing or mismatch", () => {
    const names = ["X-Signet-Signature", "X-HMAC-Signature", "X-HMAC-HASH", "webhook-id", "webhook-timestamp", "webhook-signature", "svix-signature", "Stripe-Signature", "X-Slack-Signature", "X-Slack-Request-Timestamp", "X-Hub-Signature-256", "X-Hub-Signature", "X-Shopify-Hmac-Sha256", "X-Ts", "X-Id"];
    const value = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 100 }),
      fc.stringMatching(/^(sha256=|v1,|v0=|t=\d{1,12},v1=)?[0-9a-fA-F+/=, ]{0,140}$/),
    );
    fc.assert(
      fc.property(settingsArb, fc.dictionary(fc.constantFrom(...names), value), bodyArb, (settings, headers, body) => {
        const outcome = verifySignature({ settings, headers, body, secrets: [{ id: "s", value: "whsec_" + Buffer.alloc(24).toString("base64") }], now: new Date(NOW * 1000) });
        expect(outcomeKinds).toContain(outcome.kind);
      }),
      { numRuns: 600 },
    );
  });

  it("a well-formed signature of the wrong length for the algorithm is malformed, not an exception", () => {
    fc.assert(
      fc.property(fc.constantFrom(...algorithms), fc.integer({ min: 0, max: 100 }), (algorithm, n) => {
        const settings = ZHmacSettings.parse({ scheme: "github", algorithm });
        const header = algorithm === "sha1" ? "X-Hub-Signature" : "X-Hub-Signature-256";
        const outcome = verifySignature({ settings, headers: { [header]: `${algorithm}=${"ab".repeat(n)}` }, body: new Uint8Array(), secrets: [{ id: "s", value: "k" }] });
        expect(outcome.kind).toBe(n === 0 ? "malformed" : outcome.kind);
        expect(["malformed", "mismatch"]).toContain(outcome.kind);
      }),
    );
  });

  it("huge headers are rejected after bounded work", () => {
    const settings = ZHmacSettings.parse({ scheme: "standard-webhooks" });
    const huge = "v1,".repeat(1_000_000);
    const started = performance.now();
    const outcome = verifySignature({ settings, headers: { "webhook-id": "m", "webhook-timestamp": String(NOW), "webhook-signature": huge }, body: new Uint8Array(), secrets: [{ id: "s", value: "whsec_AAAA" }], now: new Date(NOW * 1000) });
    expect(outcome).toMatchObject({ kind: "malformed", reason: "header-too-long" });
    expect(performance.now() - started).toBeLessThan(50);
  });
});
