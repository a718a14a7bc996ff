import { BlockList, isIP } from "node:net";

// The SSRF guard: a completion webhook may only reach the public internet. Every address is
// checked after DNS resolution (http-sender.ts resolves through refusedAddress on each new
// connection and connects to the address it checked, so a DNS answer cannot change between
// the check and the connect). SIGNET_ALLOW_PRIVATE_TARGETS=1 lifts it for self-hosting and tests.

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d
  ["::ffff:0:0:0", 96], // IPv4-translated
  ["64:ff9b::", 96], // NAT64 (could reach IPv4 private space)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["2001::", 32], // Teredo (tunnels to an IPv4 address)
  ["2002::", 16], // 6to4 (embeds an IPv4 address)
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local (incl. fd00:ec2::254, AWS metadata)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed on some networks)
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** The embedded IPv4 address of an IPv4-mapped or -compatible IPv6 address (::ffff:a.b.c.d), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower.replace(/^::/, "0:"));
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** Why `address` (an IP literal) must not be contacted, or null when it is a public address. */
export function refusedAddress(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return `${address} is not an IP address`;
  if (family === 4) return blocked.check(bare, "ipv4") ? `${bare} is a private, loopback, link-local or reserved address` : null;
  const v4 = embeddedIpv4(bare);
  if (v4 !== null && (blocked.check(v4, "ipv4") || bare.toLowerCase().startsWith("::ffff:"))) return `${bare} is an IPv4-mapped address`;
  return blocked.check(bare, "ipv6") ? `${bare} is a private, loopback, link-local or reserved address` : null;
}

/** Why `url` can never be a target (scheme, or an IP literal in a refused range), or null. */
export function refusedUrl(url: URL, allowPrivate: boolean): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") return `only http and https targets are allowed, not ${url.protocol}`;
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0) return refusedAddress(host);
  if (host === "localhost" || host.endsWith(".localhost")) return `${host} is a loopback name`;
  return null;
}
