import { describe, expect, it } from "vitest";
import { embedBrowserSnippet } from "./embed-browser-snippet";

const SIGNET = "https://signet.example.com";

/** Runs the snippet's script in a stand-in page with one iframe; returns a way to deliver messages. */
function runSnippet() {
  const iframe = { contentWindow: { name: "signet" }, style: { height: "640px" } };
  let listener: ((event: { origin: string; source: unknown; data: unknown }) => void) | undefined;
  const assigned: string[] = [];
  const window = { addEventListener: (_type: string, fn: typeof listener) => (listener = fn), location: { assign: (url: string) => assigned.push(url) } };
  const document = { getElementById: (id: string) => (id === "signet-form" ? iframe : null) };
  const script = /<script>([\s\S]*)<\/script>/.exec(embedBrowserSnippet(SIGNET))![1]!;
  new Function("window", "document", script)(window, document);
  return { iframe, assigned, deliver: (origin: string, source: unknown, data: unknown) => listener!({ origin, source, data }) };
}

describe("embedBrowserSnippet", () => {
  it("sizes the iframe from signet:resize and follows the redirect on signet:completed", () => {
    const page = runSnippet();
    page.deliver(SIGNET, page.iframe.contentWindow, { type: "signet:resize", height: 432 });
    expect(page.iframe.style.height).toBe("432px");
    page.deliver(SIGNET, page.iframe.contentWindow, { type: "signet:completed", sessionId: "ses_1", redirectUrl: "https://portal.example.com/done" });
    expect(page.assigned).toEqual(["https://portal.example.com/done"]);
  });

  it("ignores messages from another origin or another window", () => {
    const page = runSnippet();
    page.deliver("https://evil.example.com", page.iframe.contentWindow, { type: "signet:resize", height: 1 });
    page.deliver(SIGNET, { name: "other frame" }, { type: "signet:completed", redirectUrl: "https://evil.example.com" });
    page.deliver(SIGNET, page.iframe.contentWindow, "not an object");
    expect(page.iframe.style.height).toBe("640px");
    expect(page.assigned).toEqual([]);
  });

  it("writes Signet's origin as a JS string literal", () => {
    expect(embedBrowserSnippet('https://x.example"+alert(1)+"')).toContain('"https://x.example\\"+alert(1)+\\""');
  });
});
