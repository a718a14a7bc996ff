import { describe, expect, it } from "vitest";
import { declaredLength, readBodyWithLimit } from "./read-body";

function chunked(chunks: number[]): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let index = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (index >= chunks.length) return controller.close();
        controller.enqueue(new Uint8Array(chunks[index++]!).fill(120));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => index };
}

describe("readBodyWithLimit", () => {
  it("joins chunks up to exactly the limit", async () => {
    const result = await readBodyWithLimit(chunked([3, 3, 4]).stream, 10);
    expect(result.ok && result.bytes.byteLength).toBe(10);
  });

  it("stops at the first chunk past the limit and reads no further", async () => {
    const source = chunked([5, 6, 100, 100]);
    const result = await readBodyWithLimit(source.stream, 10);
    expect(result).toEqual({ ok: false, reason: "too_large", receivedBytes: 11 });
    expect(source.pulled()).toBe(2);
  });

  it("a missing body is empty; a failing stream is 'aborted', not a throw", async () => {
    expect(await readBodyWithLimit(null, 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
    const broken = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error("reset")) });
    expect(await readBodyWithLimit(broken, 10)).toMatchObject({ ok: false, reason: "aborted" });
  });

  it("declaredLength reads only plain digits", () => {
    expect(declaredLength(new Headers({ "content-length": "42" }))).toBe(42);
    expect(declaredLength(new Headers({ "content-length": "4e2" }))).toBeNull();
    expect(declaredLength(new Headers())).toBeNull();
  });
});
