// A completion-webhook receiver for tests: a node:http server on loopback that records every
// request, answers what the test scripts, and counts requests in flight per webhook-id (to
// prove no two senders deliver one message at the same time).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Highest number of requests with one webhook-id in flight at the same time. */
  maxConcurrentPerMessage: number;
  /** The answer for the next request (default 200 "ok"); return null to drop the connection. */
  answer: (request: ReceivedRequest) => ScriptedAnswer | null;
  /** Resolves when at least `count` requests were received (or rejects after timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const inFlight = new Map<string, number>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver: Omit<Receiver, "url" | "port"> & { server?: Server } = {
    requests: [],
    maxConcurrentPerMessage: 0,
    answer: () => ({ status: 200, body: "ok" }),
    waitFor: (count, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        if (receiver.requests.length >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`receiver got ${receiver.requests.length} of ${count} requests in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = String(req.headers["webhook-id"] ?? "");
      const now = (inFlight.get(id) ?? 0) + 1;
      inFlight.set(id, now);
      receiver.maxConcurrentPerMessage = Math.max(receiver.maxConcurrentPerMessage, now);
      const request: ReceivedRequest = { id, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      receiver.requests.push(request);
      for (const w of waiters.splice(0)) {
        if (receiver.requests.length >= w.count) w.resolve();
        else waiters.push(w);
      }
      const answer = receiver.answer(request);
      const finish = () => {
        inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
        if (answer === null) {
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        res.end(answer.body ?? "");
      };
      if (answer?.delayMs) setTimeout(finish, answer.delayMs).unref();
      else finish();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(receiver, { url: `http://127.0.0.1:${port}/hooks`, port }) as Receiver;
}
