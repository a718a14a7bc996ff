import { PassThrough } from "node:stream";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { readFormBody } from "./read-form-body";

function request(headers: Record<string, string>, chunks: string[]): IncomingMessage {
  const stream = new PassThrough();
  Object.assign(stream, { headers });
  queueMicrotask(() => {
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
  return stream as unknown as IncomingMessage;
}

const FORM = { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" };

describe("readFormBody", () => {
  it("parses a urlencoded form across chunks, UTF-8 included", async () => {
    const result = await readFormBody(request(FORM, ["name=Zo%C3%AB+%F0%9F%9A%80&$st", "ep=1"]));
    expect(result.ok && Object.fromEntries(result.form)).toEqual({ name: "Zoë 🚀", $step: "1" });
  });

  it("refuses other content types and bodies over the limit (declared or not)", async () => {
    expect(await readFormBody(request({ "content-type": "multipart/form-data; boundary=x" }, ["--x--"]))).toEqual({ ok: false, reason: "unsupported_media_type" });
    expect(await readFormBody(request({ ...FORM, "content-length": "11" }, ["a=123456789"]), 10)).toEqual({ ok: false, reason: "too_large" });
    expect(await readFormBody(request(FORM, ["a=12345", "6789"]), 10)).toEqual({ ok: false, reason: "too_large" });
  });
});
