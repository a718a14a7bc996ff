import { describe, expect, it } from "vitest";
import { apiReferencePage, viewerScript } from "./api-reference";

describe("API reference page", () => {
  it("loads the viewer from this app by content hash, both scripts with the nonce, and no fonts or telemetry", () => {
    const html = apiReferencePage("abcdefghijklmnopqrstuv==");
    const { hash, body } = viewerScript();
    expect(body.byteLength).toBeGreaterThan(100_000);
    expect(html).toContain(`<script src="/docs/api/scalar.js?v=${hash}" nonce="abcdefghijklmnopqrstuv=="></script>`);
    expect(html.match(/<script\b[^>]*>/g)).toEqual([expect.stringContaining('nonce="abcdefghijklmnopqrstuv=="'), '<script nonce="abcdefghijklmnopqrstuv==">']);
    expect(html).toContain('"url":"/api/v1/openapi.json"');
    expect(html).toContain('"withDefaultFonts":false');
    expect(html).toContain('"telemetry":false');
    expect(html).not.toMatch(/https?:\/\//);
  });
});
