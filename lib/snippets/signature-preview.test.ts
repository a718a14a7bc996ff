import { describe, expect, it } from "vitest";
import { ZHmacSettings } from "@/lib/hmac/schemas";
import { verifySignature } from "@/lib/hmac/verify";
import { EXAMPLE_ID, EXAMPLE_SECRET, EXAMPLE_TIMESTAMP, signaturePreview } from "./signature-preview";

describe("signaturePreview", () => {
  const custom = {
    scheme: "custom",
    enabled: true,
    custom: { header: "X-Sig", prefix: "v1=", encoding: "base64", signedContent: "{timestamp}:{id}:{body}", timestampHeader: "X-Time", idHeader: "X-Id" },
  };

  it("shows the exact signed text and headers that verify", () => {
    const preview = signaturePreview({ settings: custom, sampleBody: '{"a":1}' });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.signedContent).toBe(`${EXAMPLE_TIMESTAMP}:${EXAMPLE_ID}:{"a":1}`);
    expect(preview.headers["X-Sig"]).toMatch(/^v1=[A-Za-z0-9+/]+=*$/);
    expect(preview.headers).toMatchObject({ "X-Time": String(EXAMPLE_TIMESTAMP), "X-Id": EXAMPLE_ID });
    const outcome = verifySignature({
      settings: ZHmacSettings.parse(custom),
      headers: preview.headers,
      body: Buffer.from('{"a":1}'),
      secrets: [{ id: "x", value: EXAMPLE_SECRET }],
      now: new Date(EXAMPLE_TIMESTAMP * 1000),
    });
    expect(outcome.kind).toBe("ok");
  });

  it("explains incomplete settings instead of failing", () => {
    const preview = signaturePreview({ settings: { ...custom, custom: { ...custom.custom, signedContent: "{timestamp}" } }, sampleBody: "{}" });
    expect(preview).toEqual({ ok: false, message: "The signed content must include {body}" });
  });
});
