import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBody, unsupportedContentType } from "./parse-body";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseBody", () => {
  it("parses JSON with or without a charset, and +json types", () => {
    for (const type of ["application/json", "Application/JSON; charset=UTF-8", 'application/json;charset="utf-8"', "application/vnd.api+json", "application/cloudevents+json"]) {
      expect(parseBody(utf8('{"a":[1,"é"]}'), type)).toEqual({ ok: true, payload: { a: [1, "é"] } });
    }
  });

  it("keeps non-ASCII text byte-exact", () => {
    const text = "Zoë 🚀 東京 e\u0301";
    const result = parseBody(utf8(JSON.stringify({ name: text })), "application/json");
    expect(result).toEqual({ ok: true, payload: { name: text } });
    expect(parseBody(utf8('{"name":"\\ud83d\\ude80"}'), "application/json")).toEqual({ ok: true, payload: { name: "🚀" } });
  });

  it("tolerates one leading UTF-8 BOM", () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')]);
    expect(parseBody(body, "application/json")).toEqual({ ok: true, payload: { a: 1 } });
  });

  it("refuses malformed UTF-8 instead of patching it", () => {
    const body = new Uint8Array([...utf8('{"a":"'), 0xff, 0xfe, ...utf8('"}')]);
    expect(parseBody(body, "application/json")).toEqual({ ok: false, code: "invalid_body", message: "The body is not valid UTF-8" });
    expect(parseBody(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]), "application/json").ok).toBe(false);
  });

  it("refuses invalid and empty JSON as invalid_body", () => {
    expect(parseBody(utf8("{"), "application/json")).toMatchObject({ ok: false, code: "invalid_body", message: expect.stringMatching(/^The body is not valid JSON/) });
    expect(parseBody(utf8(""), "application/json")).toMatchObject({ ok: false, code: "invalid_body" });
    expect(parseBody(utf8("  \n"), "application/json")).toMatchObject({ ok: false, code: "invalid_body" });
  });

  it("refuses other media types and charsets as unsupported_media_type", () => {
    for (const type of [null, "", "text/plain", "text/json", "multipart/form-data; boundary=x", "application/xml", "json", "application/json; charset=iso-8859-1"]) {
      expect(parseBody(utf8("{}"), type)).toMatchObject({ ok: false, code: "unsupported_media_type" });
    }
  });

  it("answers the media-type question before the body is read, in agreement with parseBody", () => {
    expect(unsupportedContentType("application/json; charset=utf-8")).toBeNull();
    expect(unsupportedContentType("application/x-www-form-urlencoded")).toBeNull();
    expect(unsupportedContentType("text/plain")).toMatch(/text\/plain is not supported/);
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), fc.string(), fc.constantFrom("application/json;charset=latin1", "application/a+json")), (type) => {
        const media = parseBody(new TextEncoder().encode("{}"), type);
        expect(unsupportedContentType(type) === null).toBe(media.ok || media.code !== "unsupported_media_type");
      }),
    );
  });

  it("parses form bodies into strings, repeated keys into lists", () => {
    const body = utf8("name=Zo%C3%AB+Smith&tag=a&tag=b&empty=&flag&tag=c");
    expect(parseBody(body, "application/x-www-form-urlencoded")).toEqual({
      ok: true,
      payload: { name: "Zoë Smith", tag: ["a", "b", "c"], empty: "", flag: "" },
    });
    expect(parseBody(utf8(""), "application/x-www-form-urlencoded")).toEqual({ ok: true, payload: {} });
  });

  it("keeps Slack's payload=<json> as a string", () => {
    const json = JSON.stringify({ type: "block_actions", user: { id: "U1" } });
    const result = parseBody(utf8(`payload=${encodeURIComponent(json)}`), "application/x-www-form-urlencoded; charset=utf-8");
    expect(result).toEqual({ ok: true, payload: { payload: json } });
  });

  it("keeps __proto__ in a form body as a plain field", () => {
    const result = parseBody(utf8("__proto__=x&a=1"), "application/x-www-form-urlencoded");
    expect(result.ok && Object.getPrototypeOf(result.payload)).toBe(Object.prototype);
    expect(result.ok && Object.hasOwn(result.payload as object, "__proto__")).toBe(true);
  });

  it("refuses malformed percent-escapes instead of inserting U+FFFD", () => {
    for (const body of ["a=%FF", "a=%E2%82", "a=%zz", "%=1"]) {
      expect(parseBody(utf8(body), "application/x-www-form-urlencoded")).toMatchObject({ ok: false, code: "invalid_body" });
    }
  });

  it("survives deep nesting", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const result = parseBody(utf8(deep), "application/json");
    expect(typeof result.ok).toBe("boolean");
  });

  it("never throws on random bytes and content types (property)", () => {
    const contentType = fc.oneof(fc.constant(null), fc.string(), fc.constantFrom("application/json", "application/x-www-form-urlencoded", "application/x+json"));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), contentType, (bytes, type) => {
        const result = parseBody(bytes, type);
        if (!result.ok) expect(["unsupported_media_type", "invalid_body"]).toContain(result.code);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips any JSON value (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value);
        expect(parseBody(utf8(json), "application/json")).toEqual({ ok: true, payload: JSON.parse(json) });
      }),
    );
  });

  it("round-trips any form built with URLSearchParams (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" })), (fields) => {
        const body = new URLSearchParams(Object.entries(fields)).toString();
        const result = parseBody(utf8(body), "application/x-www-form-urlencoded");
        expect(result).toEqual({ ok: true, payload: fields });
      }),
    );
  });
});
