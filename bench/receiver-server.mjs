// The dispatch benchmark's receiver: answers every POST 200 at once and counts requests per
// webhook-id (to find lost and duplicate deliveries). Runs as a child process so its CPU is
// not charged to the dispatcher; reports over IPC when asked.
import { createServer } from "node:http";

const seen = new Map();
let requests = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    requests++;
    const id = String(req.headers["webhook-id"] ?? "");
    seen.set(id, (seen.get(id) ?? 0) + 1);
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.({ ready: true }));
process.on("message", () => {
  let duplicates = 0;
  for (const n of seen.values()) if (n > 1) duplicates += n - 1;
  process.send?.({ requests, distinct: seen.size, duplicates });
});
