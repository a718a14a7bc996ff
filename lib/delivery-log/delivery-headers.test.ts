import { describe, expect, it } from "vitest";
import { ZHmacSettings } from "@/lib/hmac/schemas";
import { headersForLog, truncateSignature } from "./delivery-headers";
import { slackChallenge } from "../inbound-webhooks/slack-challenge";

describe("headersForLog", () => {
  it("cuts every signature short, keeps timestamps and prefixes, drops credentials", () => {
    const hex = "a".repeat(64);
    expect(truncateSignature(`t=1700000000,v1=${hex},v1=${"b".repeat(64)}`)).toBe("t=1700000000,v1=aaaaaaaa…,v1=bbbbbbbb…");
    expect(truncateSignature(`v1,${"K".repeat(43)}= v1,${"Z".repeat(43)}=`)).toBe("v1,KKKKKKKK… v1,ZZZZZZZZ…");
    const settings = ZHmacSettings.parse({ scheme: "plain-hex", header: "X-Partner-Mac" });
    const logged = headersForLog(
      new Headers({ "X-Partner-Mac": hex, Cookie: "sid=1", Authorization: "Bearer t", "X-Hub-Signature-256": `sha256=${hex}`, "X-Request-Id": "r1" }),
      settings,
    );
    expect(logged).toEqual({
      authorization: "[redacted]",
      cookie: "[redacted]",
      "x-hub-signature-256": "sha256=aaaaaaaa…",
      "x-partner-mac": "aaaaaaaa…",
      "x-request-id": "r1",
    });
  });
});

describe("slackChallenge", () => {
  it("answers only url_verification with a string challenge", () => {
    expect(slackChallenge({ type: "url_verification", challenge: "abc" })).toBe("abc");
    expect(slackChallenge({ type: "event_callback", challenge: "abc" })).toBeNull();
    expect(slackChallenge({ type: "url_verification", challenge: 1 })).toBeNull();
    expect(slackChallenge(["url_verification"])).toBeNull();
  });
});
