import { describe, expect, it } from "vitest";
import { sessionFrameAncestorsOf } from "@/lib/sessions/embed-policy";
import { isAppError } from "@/lib/errors/app-error";
import { definitionOrThrow } from "../definition-or-throw";
import { parseDefinition } from "./parse-definition";

const steps = [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "name", label: "Name" }] }];
const withTrigger = (trigger: Record<string, unknown>) => ({ trigger: { type: "webhook", ...trigger }, steps, mapping: [] });

function issuesOf(input: unknown) {
  try {
    definitionOrThrow(input);
    return [];
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.issues ?? [];
  }
}

describe("allowed origins follow a strict origin grammar", () => {
  it.each([
    "https://a.example,*",
    "https://a.example'",
    'https://a.example"',
    "https://*.example.com",
    "https://a.example,https://b.example",
    "https://a.example%3Bscript-src",
    "https://a..example",
  ])("refuses %j (CSP syntax would reach the header)", (origin) => {
    expect(issuesOf(withTrigger({ allowedOrigins: [origin] }))).toEqual([expect.objectContaining({ path: ["definition", "trigger", "allowedOrigins", 0] })]);
  });

  it.each([
    ["https://Portal.Example.com:443/", "https://portal.example.com"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
    ["http://[::1]:8080", "http://[::1]:8080"],
  ])("accepts %j as %j", (origin, canonical) => {
    expect(definitionOrThrow(withTrigger({ allowedOrigins: [origin] })).trigger.allowedOrigins).toEqual([canonical]);
  });

  it("a stored origin saved before the rule never reaches the frame-ancestors header", () => {
    const stored = parseDefinition(withTrigger({ allowedOrigins: ["https://ok.example", "https://a.example,*"] }));
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    expect(sessionFrameAncestorsOf(stored.definition)).toBe("https://ok.example");
    const onlyBad = parseDefinition(withTrigger({ allowedOrigins: ["https://a.example'"] }));
    expect(onlyBad.ok && sessionFrameAncestorsOf(onlyBad.definition)).toBe("'none'");
  });
});

describe("HMAC settings are checked on save", () => {
  it("a custom prefix with CR/LF is refused with its path", () => {
    const input = withTrigger({ hmac: { enabled: true, scheme: "custom", custom: { header: "X-Sig", prefix: "v1=\r\nX-Evil: 1" } } });
    expect(issuesOf(input)).toEqual([expect.objectContaining({ path: ["definition", "trigger", "hmac", "custom", "prefix"] })]);
  });

  it("adjacent placeholders are refused with their path", () => {
    const input = withTrigger({ hmac: { enabled: true, scheme: "custom", custom: { header: "X-Sig", signedContent: "{id}{timestamp}{body}", timestampHeader: "X-Ts", idHeader: "X-Id" } } });
    expect(issuesOf(input).map((i) => i.path.join("."))).toContain("definition.trigger.hmac.custom.signedContent");
  });
});
