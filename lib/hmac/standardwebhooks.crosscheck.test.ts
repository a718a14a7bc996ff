import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { ZHmacSettings } from "./schemas";
import { signRequest } from "./sign";
import { verifySignature } from "./verify";

// Cross-check against the reference `standardwebhooks` package, both ways: what it signs we
// verify, and what we sign it verifies — for random secrets, ids, timestamps and bodies.

const settings = ZHmacSettings.parse({ scheme: "standard-webhooks", enabled: true });
const secretArb = fc.uint8Array({ minLength: 24, maxLength: 64 }).map((b) => "whsec_" + Buffer.from(b).toString("base64"));
const idArb = fc.stringMatching(/^msg_[A-Za-z0-9]{1,27}$/);
const bodyArb = fc.string({ maxLength: 400 });

describe("standardwebhooks package cross-check", () => {
  it("what the package signs, Signet verifies", () => {
    fc.assert(
      fc.property(secretArb, idArb, bodyArb, (secret, id, body) => {
        const now = new Date(Math.floor(Date.now() / 1000) * 1000);
        const signature = new Webhook(secret).sign(id, now, body);
        const headers = { "webhook-id": id, "webhook-timestamp": String(now.getTime() / 1000), "webhook-signature": signature };
        expect(verifySignature({ settings, headers, body: Buffer.from(body, "utf8"), secrets: [{ id: "s", value: secret }], now }).kind).toBe("ok");
      }),
      { numRuns: 200 },
    );
  });

  it("what Signet signs, the package verifies (and rejects after tampering)", () => {
    fc.assert(
      fc.property(secretArb, idArb, bodyArb, (secret, id, body) => {
        // The package checks the timestamp against the real clock.
        const headers = signRequest({ settings, secret, body: Buffer.from(body, "utf8"), id });
        // verify() returns the parsed payload (or undefined) and throws on any failure.
        expect(() => new Webhook(secret).verify(body, headers, { jsonParse: false })).not.toThrow();
        expect(() => new Webhook(secret).verify(body + " ", headers, { jsonParse: false })).toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it("agrees on a header with several signatures of which one is right", () => {
    const secret = "whsec_" + Buffer.alloc(32, 1).toString("base64");
    const other = "whsec_" + Buffer.alloc(32, 2).toString("base64");
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const wh = new Webhook(secret);
    const headers = {
      "webhook-id": "msg_1",
      "webhook-timestamp": String(now.getTime() / 1000),
      "webhook-signature": `v1a,ignored ${new Webhook(other).sign("msg_1", now, "{}")} ${wh.sign("msg_1", now, "{}")}`,
    };
    expect(() => wh.verify("{}", headers)).not.toThrow();
    expect(verifySignature({ settings, headers, body: Buffer.from("{}"), secrets: [{ id: "s", value: secret }], now }).kind).toBe("ok");
  });
});
