import { BlockList, isIP } from "node:net";

// Who the client is, for per-client limits. The socket's address is the truth unless the peer
// is one of our own reverse proxies (SIGNET_TRUSTED_PROXIES); only then do X-Forwarded-For and
// X-Real-IP count, and X-Forwarded-For is read from the right: each trusted proxy appends the
// address it saw, so the rightmost address that is not a trusted proxy is the client, and
// anything left of it was written by the client itself.

export interface TrustedProxies {
  has(ip: string): boolean;
  /** The list as configured, for logs and errors. */
  readonly source: string;
}

export const NO_TRUSTED_PROXIES: TrustedProxies = { has: () => false, source: "" };

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) is 1.2.3.4; anything not an IP is null. */
export function normalizeIp(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let ip = raw.trim();
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  const zone = ip.indexOf("%");
  if (zone !== -1) ip = ip.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  const version = isIP(ip);
  if (version === 0) return null;
  return version === 6 ? ip.toLowerCase() : ip;
}

/**
 * Parses a comma-separated list of addresses and CIDR ranges ("127.0.0.1, 10.0.0.0/8, ::1").
 * Returns the problem as text for the configuration error.
 */
export function parseTrustedProxies(list: string): TrustedProxies | { problem: string } {
  const blocks = new BlockList();
  const entries = list.split(",").map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefixText, extra] = entry.split("/");
    const ip = normalizeIp(address);
    if (!ip || extra !== undefined) return { problem: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)` };
    const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (prefixText === undefined) {
      blocks.addAddress(ip, family);
      continue;
    }
    const prefix = Number(prefixText);
    const max = family === "ipv6" ? 128 : 32;
    if (!/^\d{1,3}$/.test(prefixText) || prefix > max) return { problem: `"${entry}" has a prefix length outside 0–${max}` };
    blocks.addSubnet(ip, prefix, family);
  }
  return {
    source: entries.join(","),
    has: (ip) => blocks.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4"),
  };
}

interface HeaderSource {
  get(name: string): string | null;
}

/** The client's address as this server can establish it (see the comment at the top). */
export function clientIp(remoteAddress: string | undefined, headers: HeaderSource, trusted: TrustedProxies): string | null {
  const peer = normalizeIp(remoteAddress);
  if (!peer || !trusted.has(peer)) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  let client = peer;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = normalizeIp(forwarded[i]);
    // Garbage here was written by the client: stop at the last address a proxy vouched for.
    if (!hop) return client;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  if (forwarded.length > 0) return client;
  return normalizeIp(headers.get("x-real-ip")) ?? peer;
}

/**
 * The key a per-client limit counts under: the IPv4 address, or the /64 an IPv6 address
 * belongs to (one subscriber usually holds a whole /64, so counting single addresses would let
 * one client rotate through billions of them).
 */
export function clientLimitKey(ip: string | null): string {
  if (!ip) return "unknown";
  if (isIP(ip) !== 6) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head = "", tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::ffff:… handled earlier, but 64:ff9b::1.2.3.4 may occur) is two groups.
  const last = right.length > 0 ? right : left;
  const dotted = last.at(-1);
  if (dotted?.includes(".")) {
    const [a, b, c, d] = dotted.split(".").map(Number) as [number, number, number, number];
    last.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: missing }, () => "0"), ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}
