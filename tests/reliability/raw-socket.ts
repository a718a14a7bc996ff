// A client that speaks HTTP/1.1 by hand over a TCP socket, so a test can be the broken client:
// trickle bytes, lie in Content-Length, stop mid-body, keep writing after the answer.
import { connect } from "node:net";

export interface SocketOutcome {
  /** Status of the first response, or null when the server closed without answering. */
  status: number | null;
  /** Everything the server sent. */
  response: string;
  /** Milliseconds from connect until the server answered or closed. */
  elapsedMs: number;
  closedByServer: boolean;
}

export interface SocketScript {
  port: number;
  head: string;
  /** Writes after the head; each is sent `delayMs` after the previous one. */
  chunks?: (string | Buffer)[];
  delayMs?: number;
  /** Destroy the socket after the last chunk instead of waiting for an answer. */
  abortAfterChunks?: boolean;
  /** Give up (and report status null) after this long. */
  timeoutMs: number;
}

export function socketExchange(script: SocketScript): Promise<SocketOutcome> {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const socket = connect(script.port, "127.0.0.1");
    let response = "";
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(response);
      resolvePromise({ status: match ? Number(match[1]) : null, response, elapsedMs: Date.now() - started, closedByServer });
    };
    const timer = setTimeout(() => finish(false), script.timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      response += chunk.toString("latin1");
      // One complete head is enough to know the answer; the body may be large or never end.
      if (/\r\n\r\n/.test(response)) setTimeout(() => finish(true), 50);
    });
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("error", () => finish(true));
    socket.on("connect", async () => {
      socket.write(script.head);
      for (const chunk of script.chunks ?? []) {
        if (done) return;
        if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
        if (done || socket.destroyed) return;
        socket.write(chunk);
      }
      if (script.abortAfterChunks) {
        done = true;
        clearTimeout(timer);
        socket.destroy();
        resolvePromise({ status: null, response, elapsedMs: Date.now() - started, closedByServer: false });
      }
    });
  });
}

export function requestHead(path: string, headers: Record<string, string>): string {
  const lines = [`POST ${path} HTTP/1.1`, "Host: 127.0.0.1", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return lines.join("\r\n") + "\r\n\r\n";
}
