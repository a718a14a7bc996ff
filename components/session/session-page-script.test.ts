import { describe, expect, it } from "vitest";
import { SESSION_PAGE_SCRIPT } from "./session-page-script";

type Posted = { message: Record<string, unknown>; targetOrigin: string };

/** Runs the page script against a stand-in page embedded in a parent that records what it gets. */
function runEmbedded(dataset: Record<string, string>, ancestorOrigins?: string[]) {
  const posted: Posted[] = [];
  const parent = { postMessage: (message: Record<string, unknown>, targetOrigin: string) => posted.push({ message, targetOrigin }) };
  const window = { parent, location: { ancestorOrigins } };
  let height = 480;
  let observed: (() => void) | undefined;
  const document = {
    querySelector: (selector: string) => (selector === "[data-portal-events]" ? { dataset } : null),
    documentElement: { getBoundingClientRect: () => ({ height }) },
  };
  class FakeResizeObserver {
    constructor(callback: () => void) {
      observed = callback;
    }
    observe() {}
  }
  new Function("document", "window", "ResizeObserver", SESSION_PAGE_SCRIPT)(document, window, FakeResizeObserver);
  return {
    posted,
    grow: (to: number) => {
      height = to;
      observed?.();
    },
  };
}

const STEP = { origins: "https://portal.example.com https://other.example.com", sessionId: "ses_1", status: "open", stepIndex: "1", stepId: "plan" };

describe("SESSION_PAGE_SCRIPT", () => {
  it("is self-contained script text that runs without a form on the page", () => {
    // Serialised functions must not refer to anything outside themselves.
    const document = { querySelector: () => null };
    expect(() => new Function("document", "window", SESSION_PAGE_SCRIPT)(document, {})).not.toThrow();
    expect(SESSION_PAGE_SCRIPT).not.toMatch(/\bimport\b|\brequire\(/);
    expect(SESSION_PAGE_SCRIPT.length).toBeLessThan(4096);
  });

  it("posts ready, the step and the height to the parent's origin only, and the height again when it changes", () => {
    const { posted, grow } = runEmbedded(STEP, ["https://portal.example.com"]);
    grow(480);
    grow(612);
    expect(posted).toEqual([
      { message: { type: "signet:ready" }, targetOrigin: "https://portal.example.com" },
      { message: { type: "signet:step", index: 1, id: "plan" }, targetOrigin: "https://portal.example.com" },
      { message: { type: "signet:resize", height: 480 }, targetOrigin: "https://portal.example.com" },
      { message: { type: "signet:resize", height: 612 }, targetOrigin: "https://portal.example.com" },
    ]);
  });

  it("addresses each allowed origin exactly when the browser does not name the parent's, never '*'", () => {
    const { posted } = runEmbedded({ ...STEP, status: "completed", redirectUrl: "https://portal.example.com/done?o=1" });
    expect(posted.map((p) => p.targetOrigin)).toEqual(Array(3).fill(["https://portal.example.com", "https://other.example.com"]).flat());
    expect(posted[2]!.message).toEqual({ type: "signet:completed", sessionId: "ses_1", redirectUrl: "https://portal.example.com/done?o=1" });
  });

  it("posts nothing to a parent whose origin is not allowed, nor with no allowed origins", () => {
    expect(runEmbedded(STEP, ["https://evil.example.com"]).posted).toEqual([]);
    expect(runEmbedded({ ...STEP, origins: "" }).posted).toEqual([]);
  });

  it("sends a completion without redirectUrl when there is none", () => {
    const { posted } = runEmbedded({ ...STEP, status: "completed" }, ["https://other.example.com"]);
    expect(posted[1]).toEqual({ message: { type: "signet:completed", sessionId: "ses_1" }, targetOrigin: "https://other.example.com" });
  });
});
