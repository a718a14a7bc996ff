import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUnixSeconds } from "./encoding";
import { ZHmacSettings, type THmacSettings } from "./schemas";
import { ambiguousSplit, parseTemplate } from "./schemes/custom";
import { hmacSettingsIssues, signedContentIssues } from "./settings-rules";
import { signRequest } from "./sign";
import { verifySignature } from "./verify";

// A custom scheme signs a template of values; the values must come back out of the signed
// bytes in exactly one way, or a captured request can be re-cut into another one that still
// verifies (a second session, or a timestamp moved back into the window).

const NOW = 1_700_000_000;
const SECRET = "a-long-enough-custom-scheme-secret";

function customSettings(signedContent: string, extra: Record<string, unknown> = {}): THmacSettings {
  return ZHmacSettings.parse({ scheme: "custom", custom: { header: "X-Sig", signedContent, timestampHeader: signedContent.includes("{timestamp}") ? "X-Ts" : undefined, idHeader: signedContent.includes("{id}") ? "X-Id" : undefined, ...extra } });
}

function verify(settings: THmacSettings, headers: Record<string, string>, body = "{}") {
  return verifySignature({ settings, headers, body: Buffer.from(body), secrets: [{ id: "s", value: SECRET }], now: new Date(NOW * 1000) });
}

describe("the probe's replay: {id}{timestamp}{body} with a digit moved from the id into the timestamp", () => {
  const settings = customSettings("{id}{timestamp}{body}");
  const original = signRequest({ settings, secret: SECRET, body: Buffer.from("{}"), timestamp: NOW, id: "order-10" });

  it("the template cannot be saved", () => {
    expect(hmacSettingsIssues(settings)).toEqual(expect.arrayContaining([expect.objectContaining({ path: ["custom", "signedContent"], message: expect.stringMatching(/separator between \{id\} and \{timestamp\}/) })]));
  });

  it("a stored one refuses every request rather than verify a shifted one", () => {
    expect(verify(settings, original)).toMatchObject({ kind: "malformed", reason: "bad-structure" });
    const shifted = { ...original, "X-Id": "order-1", "X-Ts": `0${NOW}` };
    expect(verify(settings, shifted).kind).toBe("malformed");
  });
});

describe("timestamps have one spelling", () => {
  it.each(["0", "1700000000", "9"])("accepts %s", (raw) => expect(parseUnixSeconds(raw)).toBe(Number(raw)));
  it.each(["01700000000", "00", "+1700000000", "-1", " 1", "1e9", "1.0", "", "1234567890123"])("refuses %j", (raw) => expect(parseUnixSeconds(raw)).toBeUndefined());

  it.each([
    ["standard-webhooks", { "webhook-id": "msg_1", "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")}` }, "webhook-timestamp"],
    ["slack", { "X-Slack-Signature": `v0=${"ab".repeat(32)}` }, "X-Slack-Request-Timestamp"],
  ] as const)("%s refuses a leading zero in its timestamp", (scheme, headers, tsHeader) => {
    const outcome = verifySignature({ settings: ZHmacSettings.parse({ scheme }), headers: { ...headers, [tsHeader]: `0${NOW}` }, body: Buffer.from("{}"), secrets: [{ id: "s", value: `whsec_${Buffer.alloc(24).toString("base64")}` }], now: new Date(NOW * 1000) });
    expect(outcome).toMatchObject({ kind: "malformed", reason: "bad-timestamp" });
  });

  it("stripe refuses a leading zero in t=", () => {
    const outcome = verifySignature({ settings: ZHmacSettings.parse({ scheme: "stripe" }), headers: { "Stripe-Signature": `t=0${NOW},v1=${"ab".repeat(32)}` }, body: Buffer.from("{}"), secrets: [{ id: "s", value: "sk" }], now: new Date(NOW * 1000) });
    expect(outcome).toMatchObject({ kind: "malformed", reason: "bad-timestamp" });
  });

  it("custom refuses a leading zero even when the template has separators", () => {
    const settings = customSettings("{timestamp}.{body}");
    const headers = signRequest({ settings, secret: SECRET, body: Buffer.from("{}"), timestamp: NOW });
    expect(verify(settings, headers).kind).toBe("ok");
    expect(verify(settings, { ...headers, "X-Ts": `0${NOW}` })).toMatchObject({ kind: "malformed", reason: "bad-timestamp" });
  });
});

describe("signed-content templates", () => {
  it.each([
    ["{id}{timestamp}{body}", /separator between \{id\} and \{timestamp\}/],
    ["{timestamp}{body}", /separator between \{timestamp\} and \{body\}/],
    ["{body}{id}", /separator between \{body\} and \{id\}/],
    ["{timestamp}1{body}", /must contain punctuation or a space/],
    ["{id}_{body}", /must contain punctuation or a space/],
    ["{body}.{body}", /\{body\} only once/],
    ["{timestamp}\u0000{body}", /control characters/],
    ["{timestamp}\r{body}", /control characters/],
  ])("refuses %j", (template, message) => {
    expect(signedContentIssues(template)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it.each(["{body}", "{id}.{timestamp}.{body}", "v0:{timestamp}:{body}", "{timestamp}\n{body}", "{body}|{id}", "prefix{id}-{body}suffix"])("accepts %j", (template) => {
    expect(signedContentIssues(template)).toEqual([]);
  });

  it("an id holding the separator that ends it is refused; one without verifies", () => {
    const settings = customSettings("{id}.{timestamp}.{body}");
    const good = signRequest({ settings, secret: SECRET, body: Buffer.from("{}"), timestamp: NOW, id: "order-10" });
    expect(verify(settings, good).kind).toBe("ok");
    const dotted = signRequest({ settings, secret: SECRET, body: Buffer.from("{}"), timestamp: NOW, id: "order.10" });
    expect(verify(settings, dotted)).toMatchObject({ kind: "malformed", reason: "bad-structure" });
  });

  it("a value right of {body} may not hold the separator before it", () => {
    const settings = customSettings("{body}|{id}");
    expect(verify(settings, signRequest({ settings, secret: SECRET, body: Buffer.from("{}"), id: "a" })).kind).toBe("ok");
    expect(verify(settings, signRequest({ settings, secret: SECRET, body: Buffer.from("{}"), id: "a|b" })).kind).toBe("malformed");
  });

  it("generated message ids never hold a separator a savable template can use (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("{id}.{body}", "{id}-{timestamp}:{body}", "{body}~{id}", "{timestamp} {id}/{body}"), (template) => {
        const settings = customSettings(template);
        expect(verify(settings, signRequest({ settings, secret: SECRET, body: Buffer.from("{}"), timestamp: NOW })).kind).toBe("ok");
      }),
      { numRuns: 200 },
    );
  });

  /** Every way to cut `bytes` into the template's literals and values (small inputs only). */
  function splits(segments: ReturnType<typeof parseTemplate>, bytes: string): Record<string, string>[] {
    const out: Record<string, string>[] = [];
    const walk = (i: number, at: number, values: Record<string, string>) => {
      if (i === segments.length) {
        if (at === bytes.length) out.push(values);
        return;
      }
      const segment = segments[i]!;
      if (typeof segment === "string") {
        if (bytes.startsWith(segment, at)) walk(i + 1, at + segment.length, values);
        return;
      }
      for (let end = at; end <= bytes.length; end++) walk(i + 1, end, { ...values, [segment.field]: bytes.slice(at, end) });
    };
    walk(0, 0, {});
    return out;
  }

  it("the signed bytes of an accepted request have exactly one accepted reading (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "1", "0", ".", "-", ":", "|", "_"), maxLength: 5 });
    const template = fc
      .tuple(text, fc.shuffledSubarray(["{id}", "{timestamp}"] as const), fc.nat(2), fc.array(text, { minLength: 3, maxLength: 3 }), text)
      .map(([head, fields, bodyAt, seps, tail]) => {
        const order: string[] = [...fields];
        order.splice(Math.min(bodyAt, order.length), 0, "{body}");
        return head + order.map((f, i) => (i === 0 ? f : seps[i]! + f)).join("") + tail;
      })
      .filter((t) => signedContentIssues(t).length === 0);
    const value = fc.string({ unit: fc.constantFrom("a", "1", "0", ".", "-", ":", "|"), maxLength: 4 });
    fc.assert(
      fc.property(template, value, value, value, (t, id, ts, body) => {
        const segments = parseTemplate(t);
        const accepted = (v: Record<string, string>) =>
          ambiguousSplit(segments, { id: v.id, timestamp: v.timestamp }, {}) === null && (v.timestamp === undefined || parseUnixSeconds(v.timestamp) !== undefined);
        const bytes = segments.map((s) => (typeof s === "string" ? s : { id, timestamp: ts, body }[s.field])).join("");
        const readings = splits(segments, bytes).filter(accepted);
        expect(readings.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
});

describe("header-bound settings refuse control characters", () => {
  it.each([
    ["prefix", { prefix: "sha256=\r\nX-Injected: 1" }, "prefix"],
    ["prefix", { prefix: "v1\u0000" }, "prefix"],
    ["prefix", { prefix: "sig\u2028" }, "prefix"],
    ["separator", { separator: "\n" }, "separator"],
  ])("%s %j", (_label, extra, field) => {
    expect(hmacSettingsIssues(customSettings("{body}", extra))).toEqual([expect.objectContaining({ path: ["custom", field] })]);
  });

  it("visible ASCII prefixes and separators are fine", () => {
    expect(hmacSettingsIssues(customSettings("{body}", { prefix: "sha256=", separator: ", " }))).toEqual([]);
  });
});
