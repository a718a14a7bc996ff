// The practical limit: a bare node:http server that reads a webhook body and verifies its
// Standard Webhooks HMAC-SHA256 signature (`{id}.{timestamp}.{body}`, base64), nothing else —
// no router, no database. Started by bench/run.ts as its own process; BENCH_KEY is the base64
// HMAC key, PORT the port. Answers 201 on a valid signature, 401 otherwise.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const key = Buffer.from(process.env.BENCH_KEY ?? "", "base64");
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const id = req.headers["webhook-id"] ?? "";
    const timestamp = req.headers["webhook-timestamp"] ?? "";
    const signature = String(req.headers["webhook-signature"] ?? "");
    const expected = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
    const received = Buffer.from(signature.startsWith("v1,") ? signature.slice(3) : "", "base64");
    const ok = received.length === expected.length && timingSafeEqual(received, expected);
    const payload = ok ? '{"ok":true}' : '{"error":"signature"}';
    res.writeHead(ok ? 201 : 401, { "Content-Type": "application/json", "Content-Length": payload.length });
    res.end(payload);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3299), "127.0.0.1", () => process.send?.("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
