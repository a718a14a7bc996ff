import { describe, expect, it } from "vitest";
import { parseDefinition } from "./parse-definition";
import { redirectTemplateKeys, redirectTemplateProblem, renderRedirectUrl } from "./redirect-template";

const withTemplate = (redirectUrl: unknown) => ({
  trigger: { type: "webhook" },
  steps: [{ type: "form", id: "s", title: "S", fields: [
    { type: "text", key: "orderId", label: "Order" },
    { type: "email", key: "email", label: "Email" },
  ] }],
  completion: { redirectUrl },
});
const issuesOf = (input: unknown) => {
  const result = parseDefinition(input);
  return result.ok ? [] : result.issues;
};

describe("renderRedirectUrl", () => {
  it("fills each placeholder with the URL-encoded answer", () => {
    expect(renderRedirectUrl("https://portal.example.com/done/{orderId}?email={email}&again={orderId}", { orderId: "A/1 & b?#", email: "ada+x@example.com" }))
      .toBe("https://portal.example.com/done/A%2F1%20%26%20b%3F%23?email=ada%2Bx%40example.com&again=A%2F1%20%26%20b%3F%23");
    expect(renderRedirectUrl("http://localhost:4100/thanks#{n}", { n: 42 })).toBe("http://localhost:4100/thanks#42");
    expect(renderRedirectUrl("https://p.example/x?ok={ok}", { ok: false })).toBe("https://p.example/x?ok=false");
  });

  it("leaves a placeholder without an answer empty, and encodes non-ASCII", () => {
    expect(renderRedirectUrl("https://p.example/x?a={missing}&b={name}", { name: "Zoë" })).toBe("https://p.example/x?a=&b=Zo%C3%AB");
  });

  it("never produces anything but an http(s) URL on the template's own host", () => {
    expect(renderRedirectUrl("javascript:alert(1)", {})).toBeNull();
    expect(renderRedirectUrl("{url}", { url: "https://evil.example" })).toBeNull();
    expect(renderRedirectUrl("https://{host}/x", { host: "evil.example" })).toBeNull();
    expect(renderRedirectUrl("https://p.example/{next}", { next: "//evil.example/x" })).toBe("https://p.example/%2F%2Fevil.example%2Fx");
    expect(renderRedirectUrl("https://p.example/?r={v}", { v: "javascript:alert(1)" })).toBe("https://p.example/?r=javascript%3Aalert(1)");
  });
});

describe("redirectTemplateProblem", () => {
  it("accepts http(s) templates with placeholders after the host", () => {
    expect(redirectTemplateProblem("https://portal.example.com/done?id={orderId}")).toBeNull();
    expect(redirectTemplateProblem("HTTP://localhost:4100/{orderId}")).toBeNull();
    expect(redirectTemplateProblem("https://portal.example.com/done")).toBeNull();
  });

  it("names what is wrong", () => {
    expect(redirectTemplateProblem("javascript:alert(1)//{orderId}")).toContain("must start with https:// or http://");
    expect(redirectTemplateProblem("ftp://files.example.com/{orderId}")).toContain("must start with https:// or http://");
    expect(redirectTemplateProblem("data:text/html,hi")).toContain("must start with https:// or http://");
    expect(redirectTemplateProblem("https://{host}.example.com/")).toContain("only come after the host");
    expect(redirectTemplateProblem("https://example.com{path}")).toContain("only come after the host");
    expect(redirectTemplateProblem("https://example.com/{order-id}")).toContain("Placeholders look like {fieldKey}");
    expect(redirectTemplateProblem("https://example.com/{orderId")).toContain("Placeholders look like {fieldKey}");
    expect(redirectTemplateProblem("https://exa mple.com/")).toContain("spaces");
    expect(redirectTemplateProblem("https://example.com:99999/")).toContain("not a valid http(s) URL");
    expect(redirectTemplateProblem(`https://example.com/${"a".repeat(2048)}`)).toContain("at most 2048");
  });

  it("lists the keys a template names", () => {
    expect(redirectTemplateKeys("https://x.example/{a}/{b_2}?c={a}")).toEqual(["a", "b_2", "a"]);
  });
});

describe("definition.completion.redirectUrl", () => {
  it("is accepted when it names fields of the workflow", () => {
    const result = parseDefinition(withTemplate("https://portal.example.com/done?order={orderId}&e={email}"));
    expect(result.ok && result.definition.completion?.redirectUrl).toBe("https://portal.example.com/done?order={orderId}&e={email}");
  });

  it("is refused with its path and the problem: unknown key, non-http(s), javascript:", () => {
    expect(issuesOf(withTemplate("https://portal.example.com/done?x={nope}&y={orderId}"))).toEqual([
      { path: ["completion", "redirectUrl"], message: "Unknown field key {nope} in the redirect URL; placeholders must name a field of this workflow" },
    ]);
    expect(issuesOf(withTemplate("ftp://portal.example.com/{orderId}"))[0]).toMatchObject({ path: ["completion", "redirectUrl"], message: expect.stringContaining("https://") });
    expect(issuesOf(withTemplate("javascript:alert(document.cookie)"))[0]?.path).toEqual(["completion", "redirectUrl"]);
    expect(issuesOf(withTemplate(42))[0]?.path).toEqual(["completion", "redirectUrl"]);
  });
});
