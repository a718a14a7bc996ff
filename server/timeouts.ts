import type { Server } from "node:http";

// Slow or idle clients must not hold sockets forever. A webhook body is at most
// SIGNET_HOOK_BODY_LIMIT (1 MiB by default): 30 s to send it is generous even on a bad link.
export const HEADERS_TIMEOUT_MS = 15_000;
export const REQUEST_TIMEOUT_MS = 30_000;
// Longer than the usual load balancer idle timeout (60 s), so the balancer closes first and
// never sends a request on a socket we are closing.
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function applyServerTimeouts(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
}
