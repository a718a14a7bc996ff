import { describe, expect, it } from "vitest";
import { parseBody } from "@/lib/inbound-webhooks/parse-body";
import { validateStepValues } from "@/lib/sessions/validate-step";
import { findUnstorableText, isStorableText } from "./storable-text";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("text PostgreSQL can store", () => {
  it("refuses NUL and unpaired surrogates, keeps everything else byte-exact", () => {
    expect(isStorableText("Zoë 山田 😀")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("\ud800")).toBe(false);
    expect(findUnstorableText({ a: [1, { b: "ok" }], c: "fine" })).toBeNull();
    expect(findUnstorableText({ a: [{ "k\u0000": 1 }] })).toBe("k\u0000");
  });

  it("webhook bodies carrying them are an invalid body (422), JSON and form alike", () => {
    for (const [body, type] of [
      ['{"customer":{"name":"a\\u0000b"}}', "application/json"],
      ['{"name":"\\ud800"}', "application/json"],
      ["name=a%00b", "application/x-www-form-urlencoded"],
    ] as const) {
      const parsed = parseBody(bytes(body), type);
      expect(parsed.ok, body).toBe(false);
      if (!parsed.ok) expect(parsed.code).toBe("invalid_body");
    }
    expect(parseBody(bytes('{"name":"\\u00e9\\ud83d\\ude00"}'), "application/json")).toEqual({ ok: true, payload: { name: "é😀" } });
  });

  it("session form input carrying them gets a field error", () => {
    const step = { type: "form" as const, id: "s", title: "S", fields: [{ type: "text" as const, key: "name", label: "Name", required: false }] };
    const result = validateStepValues(step, { name: "a\u0000b" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.name).toMatch(/cannot be stored/);
  });
});
