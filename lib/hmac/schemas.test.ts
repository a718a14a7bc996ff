import { describe, expect, it } from "vitest";
import { ZHmacSettings } from "./schemas";

const custom = (config: Record<string, unknown>) =>
  ZHmacSettings.safeParse({ scheme: "custom", enabled: true, custom: { header: "X-Sig", ...config } });

describe("custom scheme settings", () => {
  it("require a header for every placeholder the signed content uses", () => {
    expect(custom({ signedContent: "{timestamp}.{body}" }).success).toBe(false);
    expect(custom({ signedContent: "{id}.{body}" }).success).toBe(false);
    expect(custom({ signedContent: "{id}.{timestamp}.{body}", idHeader: "X-Id", timestampHeader: "X-Ts" }).success).toBe(true);
  });

  it("refuse a timestamp or id header that the signature does not cover", () => {
    // Unsigned, a replayed request could carry a fresh timestamp or another message's id.
    const ts = custom({ signedContent: "{body}", timestampHeader: "X-Ts" });
    expect(ts.success).toBe(false);
    expect(ts.error?.issues[0]?.message).toMatch(/replay protection/);
    expect(custom({ signedContent: "{body}", idHeader: "X-Id" }).success).toBe(false);
    expect(custom({ signedContent: "{body}" }).success).toBe(true);
  });
});
