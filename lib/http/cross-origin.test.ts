import { describe, expect, it } from "vitest";
import { isCrossOriginPost } from "./cross-origin";

const h = (headers: Record<string, string>) => new Headers(headers);

describe("isCrossOriginPost", () => {
  it("refuses a POST whose Origin is another site, 'null', or garbage", () => {
    expect(isCrossOriginPost("POST", h({ origin: "http://evil.example", host: "app.example" }))).toBe(true);
    expect(isCrossOriginPost("POST", h({ origin: "null", host: "app.example" }))).toBe(true);
    expect(isCrossOriginPost("POST", h({ origin: "::::", host: "app.example" }))).toBe(true);
    // Same host name, other port: another origin.
    expect(isCrossOriginPost("POST", h({ origin: "http://app.example:8080", host: "app.example" }))).toBe(true);
  });

  it("lets same-origin posts, posts without Origin, and other methods through", () => {
    expect(isCrossOriginPost("POST", h({ origin: "https://app.example", host: "app.example" }))).toBe(false);
    expect(isCrossOriginPost("POST", h({ origin: "http://127.0.0.1:3345", host: "127.0.0.1:3345" }))).toBe(false);
    expect(isCrossOriginPost("POST", h({ origin: "https://app.example", host: "10.0.0.5:3000", "x-forwarded-host": "app.example, proxy.internal" }))).toBe(false);
    expect(isCrossOriginPost("POST", h({ host: "app.example" }))).toBe(false);
    expect(isCrossOriginPost("GET", h({ origin: "http://evil.example", host: "app.example" }))).toBe(false);
  });
});
